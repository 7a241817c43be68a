import type { DemoThread } from '../demo.types.js'

/**
 * Demo threads for the DriverKit, Network Extension, FSKit, Endpoint Security, USB and IOKit tags.
 * (The 'kernel' tag threads live in their own file.)
 */
export const otherThreads: DemoThread[] = [
  {
    title:
      'IOServiceOpen on my dext returns kIOReturnNotPermitted (0xe00002e2) even though the app has userclient-access',
    tags: ['driverkit'],
    author: 'driverkit_dan',
    ago: '3w',
    views: 1240,
    boosts: 7,
    body: `I have a DriverKit driver for a small USB data-acquisition board (our own VID, custom firmware) and a SwiftUI companion app that talks to it through a custom \`IOUserClient\` subclass. In development everything worked (SIP off, \`systemextensionsctl developer on\`).

Now I'm testing a proper Developer ID build on a clean Mac running macOS 15.6 (24G84). The dext activates, \`ioreg\` shows \`DAQDriver\` attached to the \`IOUSBHostInterface\`, and the driver's \`Start\` logs as expected. But the app can't open a connection:

\`\`\`text
DAQApp[2281]: [com.example.daq:driver] found DAQDriver service 0x1d03
DAQApp[2281]: [com.example.daq:driver] IOServiceOpen failed: 0xe00002e2
DAQApp[2281]: [com.example.daq:driver] retrying in 2s (attempt 2/5)
DAQApp[2281]: [com.example.daq:driver] IOServiceOpen failed: 0xe00002e2
\`\`\`

\`NewUserClient\` in the dext is never called (I have an \`os_log\` on its first line), so the request is rejected before it reaches my code.

This is the app side:

\`\`\`swift
func openDAQConnection() -> io_connect_t? {
    let matching = IOServiceNameMatching("DAQDriver")
    let service = IOServiceGetMatchingService(kIOMainPortDefault, matching)
    guard service != IO_OBJECT_NULL else {
        log.error("DAQDriver not found")
        return nil
    }
    defer { IOObjectRelease(service) }

    var connection: io_connect_t = IO_OBJECT_NULL
    let kr = IOServiceOpen(service, mach_task_self_, 0, &connection)
    guard kr == kIOReturnSuccess else {
        log.error("IOServiceOpen failed: \\(String(format: "0x%08x", kr), privacy: .public)")
        return nil
    }
    return connection
}
\`\`\`

And this is \`DAQApp.entitlements\` as it sits in the project:

\`\`\`xml
<key>com.apple.developer.driverkit.userclient-access</key>
<array>
    <string>com.example.daq.driver</string>
</array>
<key>com.apple.developer.system-extension.install</key>
<true/>
<key>com.apple.security.app-sandbox</key>
<true/>
\`\`\`

The dext's \`CFBundleIdentifier\` really is \`com.example.daq.driver\`; I've compared them byte for byte. Things I've already tried:

- regenerated both provisioning profiles after confirming the capability is enabled on the App ID
- bumped \`CFBundleVersion\` so \`sysextd\` replaces the old copy
- rebooted
- removed the sandbox entitlement, just in case: same \`0xe00002e2\`

Does the **driver** need something on its side to accept clients, like \`com.apple.developer.driverkit.allow-any-userclient-access\`? I'd rather not use that if the targeted entitlement is supposed to work.`,
    replies: [
      {
        author: 'kext_keeper',
        ago: '20d',
        boosts: 2,
        body: `\`allow-any-userclient-access\` would get you unblocked, but it's the wrong fix for a shipping product: any process can then open your user client, so you'd have to vet the client yourself.

Before anything else, dump what's actually in the signed app, not the \`.entitlements\` file:

\`\`\`sh
codesign -d --entitlements - --xml /Applications/DAQApp.app | plutil -p -
\`\`\``,
      },
      {
        author: 'quinn_dts',
        ago: '19d',
        accepted: true,
        boosts: 9,
        body: `kext_keeper is right to start with the signed binary. In my experience this error almost always comes down to one of these:

1. **The entitlement isn't in the signature at all.** The most common cause is a per-configuration \`CODE_SIGN_ENTITLEMENTS\` build setting: Debug points at the file you've been editing, Release points at an older copy. The Developer ID export uses Release, so the app launches fine (nothing restricted is claimed), but it has no \`userclient-access\` key.
2. **The value doesn't match.** It must be the dext's bundle ID, not the app's, and not a team-prefixed form. People sometimes write \`$(PRODUCT_BUNDLE_IDENTIFIER).driver\`, which expands differently in each target.
3. **The profile doesn't authorise it.** In that case the app usually won't launch at all, so that's not what you're seeing.

The check happens in the kernel before your \`NewUserClient\` runs, which is why you see nothing in the dext.

If the \`codesign\` output lacks the key, fix the build setting, do a clean build and re-export. No need to touch the driver.`,
        comments: [
          {
            author: 'driverkit_dan',
            ago: '18d',
            body: `It was (1). Release pointed at \`DAQApp-old.entitlements\` from before we added the driver. One line in the build settings, and \`IOServiceOpen\` works on the clean Mac. Thanks to you both.`,
          },
          {
            author: 'iokit_ines',
            ago: '17d',
            body: `Worth adding a CI step that runs that \`codesign | plutil\` command and greps for the key. We got bitten by the same thing on a different entitlement.`,
          },
        ],
      },
    ],
  },
  {
    title:
      'OSSystemExtensionErrorDomain error 8 (codeSignatureInvalid) only on the notarized build of our driver app',
    tags: ['driverkit'],
    author: 'zone_allocator',
    ago: '6d',
    views: 312,
    boosts: 2,
    body: `Our dext installs fine from Xcode (Apple Development signing, \`systemextensionsctl developer on\`). The notarized Developer ID build fails at activation on macOS 26.1 (25B78):

\`\`\`text
sysextd: [com.apple.sx:XPC] client activation request for com.example.flowmeter.dext
sysextd: [com.apple.sx:Validation] validating com.example.flowmeter.dext (1.3/41)
sysextd: [com.apple.sx:Validation] code signature check failed: -67050
FlowMeter[1877]: request failed: Error Domain=OSSystemExtensionErrorDomain Code=8 "(null)"
\`\`\`

\`spctl -a -vvv /Applications/FlowMeter.app\` says \`accepted, source=Notarized Developer ID\`, and the app is in \`/Applications\`, so it's not error 3. The CI pipeline builds with \`xcodebuild archive\`, then signs and notarizes with a script (we don't use the Organizer). Where should I look?`,
    replies: [
      {
        author: 'kext_keeper',
        ago: '5d',
        boosts: 1,
        body: `-67050 is \`errSecCSReqFailed\`, so something inside the bundle no longer satisfies its own designated requirement. Run \`codesign -vvv --deep --strict\` on the app and look at which nested item it complains about.`,
      },
      {
        author: 'quinn_dts',
        ago: '4d',
        accepted: true,
        boosts: 6,
        body: `Since it only fails after your own signing step, I'd bet that script uses \`codesign --deep\`. \`--deep\` re-signs every nested item with the *outer* item's identity and entitlements. The dext ends up Developer ID signed (so notarization passes) but without its own entitlements and provisioning profile, so \`sysextd\` rejects it.

Check the dext on its own:

\`\`\`sh
DEXT=/Applications/FlowMeter.app/Contents/Library/SystemExtensions/com.example.flowmeter.dext
codesign -dvvv "$DEXT" 2>&1 | grep -E 'Authority|Identifier|TeamIdentifier'
codesign -d --entitlements - --xml "$DEXT" | plutil -p -
ls "$DEXT"/embedded.provisionprofile
\`\`\`

If the entitlements are the app's, or the profile is missing, that's your answer. Sign from the inside out, each item with its own entitlements and with \`--options runtime\`: dext first, then the app. Don't use \`--deep\` for signing. It's fine for \`--verify\`, but that's all.`,
        comments: [
          {
            author: 'zone_allocator',
            ago: '2d',
            body: `Spot on. The script had \`codesign --force --deep --options runtime -s "$IDENTITY" FlowMeter.app\`. The dext came out with the app's entitlements and no driverkit keys at all. After signing the two separately, activation works.`,
          },
        ],
      },
    ],
  },
  {
    title:
      'OSAction completion for IOConnectCallAsyncScalarMethod fires once, then the app never hears back',
    tags: ['driverkit'],
    author: 'iokit_ines',
    ago: '6w',
    views: 488,
    boosts: 4,
    body: `I'm adding an async "wait for trigger" call to our dext's user client. The app calls \`IOConnectCallAsyncScalarMethod\` with a wake port from \`IONotificationPortGetMachPort\`. The dext stores the completion and calls \`AsyncCompletion\` when the hardware raises its interrupt.

The **first** trigger reaches the app. After that, no more callbacks. Now and then the dext crashes with \`EXC_BAD_ACCESS\` in \`OSAction::free()\` when the app quits. Simplified code:

\`\`\`cpp
kern_return_t
TriggerUserClient::ExternalMethod(uint64_t selector,
                                  IOUserClientMethodArguments * arguments,
                                  const IOUserClientMethodDispatch * dispatch,
                                  OSObject * target, void * reference)
{
    switch (selector) {
    case kTriggerMethodWait:
        if (arguments->completion == nullptr) {
            return kIOReturnBadArgument;
        }
        ivars->pendingAction = arguments->completion;   // keep it for later
        return kIOReturnSuccess;
    default:
        return super::ExternalMethod(selector, arguments, dispatch, target, reference);
    }
}

void
TriggerUserClient::FireTrigger(uint64_t timestamp)
{
    uint64_t args[2] = { timestamp, ivars->triggerCount++ };
    if (ivars->pendingAction) {
        AsyncCompletion(ivars->pendingAction, kIOReturnSuccess, args, 2);
        ivars->pendingAction = nullptr;
    }
}
\`\`\`

The app calls the async method again from its callback, so a new completion should be pending every time. What am I missing?`,
    replies: [
      {
        author: 'driverkit_dan',
        ago: '40d',
        boosts: 3,
        body: `You don't own \`arguments->completion\` once \`ExternalMethod\` returns. You have to \`retain()\` it if you keep it.`,
      },
      {
        author: 'mara_kdk',
        ago: '39d',
        boosts: 8,
        body: `driverkit_dan has the main bug. \`arguments->completion\` is only guaranteed to live for the duration of \`ExternalMethod\`. You stored a raw pointer, so the second time around you call \`AsyncCompletion\` on an object that may already be freed. The first one working is just luck. The crash at quit is the same bug.

The pattern I'd use:

\`\`\`cpp
case kTriggerMethodWait:
    if (arguments->completion == nullptr) {
        return kIOReturnBadArgument;
    }
    if (ivars->pendingAction != nullptr) {
        return kIOReturnBusy;                 // one waiter at a time
    }
    arguments->completion->retain();
    ivars->pendingAction = arguments->completion;
    return kIOReturnSuccess;
\`\`\`

and in \`FireTrigger\`, take the pointer out of the ivar *before* completing, then release it:

\`\`\`cpp
OSAction * action = ivars->pendingAction;
ivars->pendingAction = nullptr;
if (action) {
    AsyncCompletion(action, kIOReturnSuccess, args, 2);
    action->release();
}
\`\`\`

Two more things:

- Fail any pending action with \`kIOReturnAborted\` in \`Stop()\` (or when the client closes). Otherwise the app's wait can hang forever after the device is unplugged.
- If \`FireTrigger\` runs on a queue other than the one \`ExternalMethod\` runs on, protect \`pendingAction\` with an \`IOLock\`, or put both on the same queue with \`QUEUENAME\` in the \`.iig\`.

The async argument count is capped at 16 (\`kIOUserClientAsyncArgumentsCountMax\`), so you're fine with 2.`,
        comments: [
          {
            author: 'iokit_ines',
            ago: '38d',
            body: `That was it. With retain/release and the busy check I've had 40k triggers in a row without a miss. Adding the abort in \`Stop()\` now.`,
          },
        ],
      },
    ],
  },
  {
    title: 'Stop() hangs forever when an AsyncIO read is outstanding on the default dispatch queue',
    tags: ['driverkit', 'usb'],
    author: 'usb_wrangler',
    ago: '4mo',
    views: 905,
    boosts: 6,
    body: `My USB DriverKit driver keeps one \`AsyncIO\` read in flight on a bulk IN pipe at all times, and re-arms it from the completion. Unplugging the device works most of the time. But if I unload the driver while the device is still attached (\`systemextensionsctl uninstall\`, or installing a new version), the dext process hangs in \`Stop()\`. After about a minute the kernel gives up on it:

\`\`\`text
kernel: DK: SensorDriver-0x1000032ab::Stop: timeout waiting for termination
kernel: IOUserServer(com.example.sensor.dext-0x1000032a0): client not responding, killing
ReportCrash: Saved crash report for com.example.sensor.dext[912]
\`\`\`

The header:

\`\`\`cpp
class SensorDriver: public IOService
{
public:
    virtual bool init() override;
    virtual kern_return_t Start(IOService * provider) override;
    virtual kern_return_t Stop(IOService * provider) override;
    virtual void free() override;

    virtual void ReadComplete(OSAction * action,
                              IOReturn status,
                              uint32_t actualByteCount,
                              uint64_t completionTimestamp) TYPE(IOUSBHostPipe::CompleteAsyncIO);
};
\`\`\`

And \`Stop\`:

\`\`\`cpp
kern_return_t
IMPL(SensorDriver, Stop)
{
    os_log(OS_LOG_DEFAULT, "SensorDriver::Stop");
    ivars->stopping = true;

    // Cancel the outstanding read before closing the interface.
    ivars->inPipe->Abort(kIOUSBAbortSynchronous, kIOReturnAborted, this);   // <- never returns

    ivars->interface->Close(this, 0);
    OSSafeReleaseNULL(ivars->inPipe);
    return Stop(provider, SUPERDISPATCH);
}
\`\`\`

A \`sample\` of the dext while it's stuck shows the main thread parked in \`IOUSBHostPipe::Abort\` waiting on a semaphore. The completion for the aborted read never runs; the \`os_log\` at the top of \`ReadComplete\` doesn't fire.

This is on macOS 15.5 (24F74). I'm fairly sure it's a queue problem, since the completion action was created with \`CreateActionReadComplete\` and so runs on the default queue, which is also the queue \`Stop\` is running on. But I'm not sure what the right teardown pattern is. Do I move the completions to a separate \`IODispatchQueue\`? Use \`kIOUSBAbortAsynchronous\` and return from \`Stop\` straight away? Apple's samples mostly skip teardown, so I'd like to get this right before we ship.`,
    replies: [
      {
        author: 'driverkit_dan',
        ago: '16w',
        boosts: 2,
        body: `Same thing bit me last year. Your diagnosis is right: a synchronous abort waits for the completion, and the completion needs the queue you're blocking.`,
      },
      {
        author: 'mara_kdk',
        ago: '15w',
        accepted: true,
        boosts: 10,
        body: `Yes, it's a self-deadlock on the default queue. A synchronous \`Abort\` waits until the aborted request's completion has been delivered. That completion is an \`OSAction\` targeting \`ReadComplete\` on the default queue, and that queue is busy running \`Stop\`.

You can fix it either way, and I'd do both:

**1. Make teardown asynchronous.** Abort without waiting, and call \`super::Stop\` only when the action is truly finished, from the action's cancel handler:

\`\`\`cpp
kern_return_t
IMPL(SensorDriver, Stop)
{
    ivars->stopping = true;
    ivars->inPipe->Abort(kIOUSBAbortAsynchronous, kIOReturnAborted, this);

    ivars->readAction->Cancel(^{
        ivars->interface->Close(this, 0);
        Stop(provider, SUPERDISPATCH);
    });
    return kIOReturnSuccess;
}
\`\`\`

Also, in \`ReadComplete\`, don't re-arm the read if \`status == kIOReturnAborted\` or \`ivars->stopping\` is set. Otherwise you race the abort.

**2. Give I/O completions their own queue.** Declare the method with \`QUEUENAME(IOQueue)\` in the \`.iig\`, create the queue in \`Start\` with \`IODispatchQueue::Create("IOQueue", 0, 0, &queue)\` and \`SetDispatchQueue("IOQueue", queue)\`. Then a long-running default-queue method can't starve your completions. You'll need a lock around any state shared between the two queues.

With (1) alone the hang goes away. (2) helps when you later add user-client calls that take a while.`,
        comments: [
          {
            author: 'usb_wrangler',
            ago: '104d',
            body: `Does the cancel handler run on the default queue as well? I need to know whether \`Close\` there is safe.`,
          },
          {
            author: 'mara_kdk',
            ago: '103d',
            body: `It's dispatched on the action's queue, so the default queue here. Since \`Stop\` has already returned by then, that's fine.`,
          },
        ],
      },
      {
        author: 'usb_wrangler',
        ago: '14w',
        boosts: 4,
        body: `Confirmed, and thanks. Final shape for anyone finding this later: async abort, the completion ignores \`kIOReturnAborted\`, and \`Close\` + \`SUPERDISPATCH\` go in the cancel handler. Unloading with the device attached now takes about 20 ms. 300 install/uninstall cycles in a loop, no hangs.`,
      },
    ],
  },
  {
    title:
      'Dext stuck at [activated waiting for user] on macOS 26.1 (25B78), toggle in Login Items & Extensions does nothing',
    tags: ['driverkit'],
    author: 'arm64_anya',
    ago: '3h',
    views: 19,
    body: `Fresh install of our FPGA bridge driver on a Mac mini running macOS 26.1 (25B78). The activation request calls \`requestNeedsUserApproval(_:)\` on my delegate and then nothing else happens:

\`\`\`text
% systemextensionsctl list
1 extension(s)
--- com.apple.system_extension.driver_extension (Go to 'System Settings > General > Login Items & Extensions > Driver Extensions' to modify these system extension(s))
enabled	active	teamID	bundleID (version)	name	[state]
		7QK2M3XJ4P	com.example.fpgalink.dext (1.4/112)	FPGALinkDriver	[activated waiting for user]
\`\`\`

The driver shows up in System Settings under Driver Extensions, but flipping the switch snaps back to off with no password prompt. Same build works on my MacBook. What am I missing?`,
    replies: [
      {
        author: 'driverkit_dan',
        ago: '2h',
        boosts: 3,
        body: `Are you doing this over Screen Sharing or some other remote session? Approval has to come from someone physically at the Mac. Clicks from a remote session are ignored, and that looks exactly like "the switch snaps back".`,
      },
      {
        author: 'arm64_anya',
        ago: '40m',
        boosts: 1,
        body: `...yes. The mini is headless in a rack and I was using Screen Sharing. Plugged in a keyboard and display, flipped the switch, got the password prompt, and it went to \`[activated enabled]\` right away. Thanks!

Is there a supported way to do this for a lab of 20 of these without walking around to each one?`,
      },
      {
        author: 'quinn_dts',
        ago: '15m',
        boosts: 2,
        body: `Yes. That's deliberate: consent has to come from the local user. For managed Macs, the supported route is MDM. A System Extensions payload (\`com.apple.system-extension-policy\`) with your team ID under \`AllowedSystemExtensions\` (or \`AllowedTeamIdentifiers\`) pre-approves the driver, so activation goes straight to enabled with no prompt.

\`\`\`xml
<key>AllowedSystemExtensions</key>
<dict>
    <key>7QK2M3XJ4P</key>
    <array>
        <string>com.example.fpgalink.dext</string>
    </array>
</dict>
\`\`\``,
      },
    ],
  },
  {
    title:
      'Can a launchd daemon (not an app) be given userclient-access to a PCIe DriverKit driver?',
    tags: ['driverkit', 'iokit'],
    author: 'pcie_pat',
    ago: '9mo',
    views: 640,
    boosts: 3,
    body: `We're moving a PCIe capture card from a kext to DriverKit. The card is driven by a headless daemon (\`/Library/PrivilegedHelperTools/com.example.capd\`) that runs with nothing logged in. There's also a GUI app, but it only talks to the daemon over XPC and never to the driver.

The catch: \`com.apple.developer.driverkit.userclient-access\` is a restricted entitlement, so it needs a provisioning profile, and as far as I know a bare Mach-O can't embed one. The options I can see:

1. sign the dext with \`com.apple.developer.driverkit.allow-any-userclient-access\` and check the client myself, or
2. somehow give the daemon a profile.

For (1), what can the dext actually check? I found \`CopyClientEntitlements\` in \`IOUserClient.iig\`:

\`\`\`cpp
kern_return_t
IMPL(CaptureUserClient, Start)
{
    kern_return_t ret = Start(provider, SUPERDISPATCH);
    if (ret != kIOReturnSuccess) {
        return ret;
    }
    OSDictionary * ents = nullptr;
    ret = CopyClientEntitlements(&ents);
    if (ret != kIOReturnSuccess || ents == nullptr) {
        return kIOReturnNotPermitted;
    }
    bool ok = (ents->getObject("com.example.capture.client") == kOSBooleanTrue);
    OSSafeReleaseNULL(ents);
    return ok ? kIOReturnSuccess : kIOReturnNotPermitted;
}
\`\`\`

But a custom key like \`com.example.capture.client\` isn't restricted, so anyone can sign their own tool with it. Is there a better way? This is on macOS 15.3 (24D60).`,
    replies: [
      {
        author: 'quinn_dts',
        ago: '38w',
        boosts: 7,
        body: `You've spotted the flaw in (1): unrestricted entitlements prove nothing, because anyone can claim them. I'd go with (2), and it's less awkward than it sounds.

A daemon can live inside a bundle. Put the executable at \`Contents/MacOS/capd\` inside an app-like wrapper (it can be nested in your GUI app) with its own \`Info.plist\` and \`embedded.provisionprofile\`, and sign it with the \`userclient-access\` entitlement. It never has to show UI. On macOS 13 and later, register it with \`SMAppService.daemon(plistName:)\` and point the launchd plist at it with \`BundleProgram\`. That's a path relative to the containing app, and the system uses it to find the bundle's code signature.

The kernel then enforces \`userclient-access\` for you, and you can keep \`allow-any-userclient-access\` out of the dext entirely.`,
        comments: [
          {
            author: 'pcie_pat',
            ago: '265d',
            body: `Does the wrapper need an \`LSUIElement\` or similar? It will never be launched via LaunchServices.`,
          },
          {
            author: 'quinn_dts',
            ago: '37w',
            body: `No. launchd runs the executable directly. The bundle structure is only there to carry the profile and the \`Info.plist\`.`,
          },
        ],
      },
      {
        author: 'pcie_pat',
        ago: '36w',
        boosts: 5,
        body: `Went with the wrapper approach and it works, including before login. For reference, here's our launchd plist (in \`Contents/Library/LaunchDaemons\` of the GUI app):

\`\`\`xml
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
    <key>Label</key>
    <string>com.example.capd</string>
    <key>BundleProgram</key>
    <string>Contents/Library/Helpers/CaptureDaemon.app/Contents/MacOS/capd</string>
    <key>MachServices</key>
    <dict>
        <key>com.example.capd.xpc</key>
        <true/>
    </dict>
    <key>AssociatedBundleIdentifiers</key>
    <array>
        <string>com.example.capture</string>
    </array>
</dict>
</plist>
\`\`\``,
      },
    ],
  },
  {
    title:
      'ENOBUFS from sendto() in NEPacketTunnelProvider when pushing more than 200 Mbit/s over UDP',
    tags: ['network-extension'],
    author: 'tcp_tinkerer',
    ago: '2w',
    views: 1870,
    boosts: 9,
    body: `We have a packet tunnel provider with our own UDP-based protocol (think WireGuard, with different framing). The send path is simple: \`packetFlow.readPackets\`, seal each packet, \`sendto()\` on a non-blocking BSD UDP socket. The relevant part is in the attached **tunnel.swift**.

On fast networks we see \`sendto()\` fail with \`ENOBUFS\` under sustained load. Our stats logging, during an \`iperf3 -c 10.99.0.1 -t 60 -P 4\` run through the tunnel on Wi-Fi 6E:

\`\`\`text
tunnel: stats 10s  tx_pkts=182311 tx_bytes=231.4MB enobufs=3894 (2.1%)
tunnel: send failed: The operation couldn’t be completed. (POSIX error 55 - No buffer space available)
tunnel: cancelTunnelWithError -> stop reason providerFailed
nesessionmanager: NESMVPNSession[Primary Tunnel:Example VPN]: status changed to disconnecting
\`\`\`

Observations:

- It happens on macOS 15.6 (24G84) and macOS 26.1 (25B78), and on iOS 18.5 too, though less often.
- Only on high-bandwidth links. On a 100 Mbit/s hotel network it never happens.
- On Ethernet through a USB-C dongle it's rarer but still shows up.
- CPU in the provider is around 35% of one core, so I don't think we're compute-bound.

Right now any send error is fatal. That's clearly wrong for this case, because users see the VPN drop and reconnect in the middle of a download. Before I change it I'd like to understand what \`ENOBUFS\` means here:

1. Is this the socket's send buffer? I tried \`setsockopt(fd, SOL_SOCKET, SO_SNDBUF, ...)\` with 4 MB and it made no measurable difference.
2. Is it the interface output queue being full? If so, is there any way to get backpressure instead of an error?
3. Would moving to \`NWConnection\` avoid it, or would it just hide the same drop?
4. Is it acceptable to drop the packet and carry on? We're tunnelling IP, so TCP inside the tunnel should recover, but I'm worried about making congestion worse by retrying in a tight loop.

Any pointers to how others handle this would be appreciated. I couldn't find anything NE-specific in the docs.`,
    attachments: [
      {
        name: 'tunnel.swift',
        content: `import NetworkExtension
import Darwin

/// Send path of our packet tunnel provider (trimmed: key exchange and receive path removed).
final class UDPTransport {
    private let fd: Int32
    private var peer = sockaddr_in()
    private(set) var enobufsCount = 0

    init(host: in_addr, port: UInt16) throws {
        fd = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno)!) }
        peer.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        peer.sin_family = sa_family_t(AF_INET)
        peer.sin_port = port.bigEndian
        peer.sin_addr = host
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }

    func send(_ datagram: Data) throws {
        let rc = datagram.withUnsafeBytes { buf in
            withUnsafePointer(to: peer) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(fd, buf.baseAddress, buf.count, 0, $0,
                           socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        if rc < 0 {
            if errno == ENOBUFS { enobufsCount += 1 }
            throw POSIXError(POSIXErrorCode(rawValue: errno)!)
        }
    }
}

final class PacketTunnelProvider: NEPacketTunnelProvider {
    private var transport: UDPTransport!
    private let crypto = SessionCrypto()

    private func readLoop() {
        packetFlow.readPackets { [weak self] packets, _ in
            guard let self else { return }
            for packet in packets {
                do {
                    try self.transport.send(self.crypto.seal(packet))
                } catch {
                    self.cancelTunnelWithError(error)   // tears the whole tunnel down
                    return
                }
            }
            self.readLoop()
        }
    }
}
`,
      },
    ],
    replies: [
      {
        author: 'mbuf_mike',
        ago: '13d',
        boosts: 5,
        body: `For UDP, \`SO_SNDBUF\` does almost nothing. UDP doesn't queue data in the socket, it hands each datagram straight down. \`ENOBUFS\` there nearly always means the packet couldn't be enqueued further down: the interface output queue or, rarely, mbuf exhaustion. You can confirm:

\`\`\`sh
# interface output queue statistics (look at drops while iperf runs)
netstat -I en0 -qq
# UDP-level counters
netstat -s -p udp
# mbuf usage; if "requests for memory denied" climbs, it's mbufs
netstat -m
\`\`\`

On Wi-Fi the driver's queues fill up quickly when the air is busy, which fits with it being worse on Wi-Fi than on Ethernet.`,
      },
      {
        author: 'quinn_dts',
        ago: '12d',
        accepted: true,
        boosts: 10,
        body: `mbuf_mike's analysis matches mine. To your questions:

1. No, it's not the socket send buffer, for the reason given above.
2. Yes, it's a full queue below the socket. BSD UDP sockets have no way to express "try later", and a write source won't help either: for a UDP socket, writability tracks the socket's send buffer, which UDP barely uses.
3. \`NWConnection\` uses the same stack. It may batch more efficiently (\`connection.batch { ... }\`), but a full interface queue is still full.
4. Yes. Treat \`ENOBUFS\` as congestion: **drop the packet and keep the tunnel up**. The inner TCP flows will see the loss and back off, which is the behaviour you want. Never tear down the tunnel for it.

I'd also back off briefly before reading more from the packet flow, so you don't spin:

\`\`\`swift
private func readLoop() {
    packetFlow.readPackets { [weak self] packets, _ in
        guard let self else { return }
        var congested = false
        for packet in packets {
            do {
                try self.transport.send(self.crypto.seal(packet))
            } catch let error as POSIXError where error.code == .ENOBUFS {
                congested = true            // drop; inner TCP will retransmit
            } catch {
                self.cancelTunnelWithError(error)
                return
            }
        }
        if congested {
            self.queue.asyncAfter(deadline: .now() + .microseconds(500)) { self.readLoop() }
        } else {
            self.readLoop()
        }
    }
}
\`\`\`

Not reading from the packet flow for a moment pushes back into the utun queue, so the kernel gets some natural backpressure as well.`,
        comments: [
          {
            author: 'tcp_tinkerer',
            ago: '11d',
            body: `Makes sense. Should the backoff grow if \`ENOBUFS\` keeps happening, or is a fixed 500 µs fine?`,
          },
          {
            author: 'quinn_dts',
            ago: '10d',
            body: `Start with fixed and measure. If you see several consecutive congested batches, a small exponential backoff capped at a few milliseconds is reasonable. Don't go much higher or interactive traffic will suffer.`,
          },
        ],
      },
      {
        author: 'tcp_tinkerer',
        ago: '9d',
        boosts: 6,
        body: `Results after the change (same Wi-Fi 6E setup, 60 s iperf, 4 streams):

| build | throughput | tunnel restarts | ENOBUFS |
|---|---|---|---|
| before | 212 Mbit/s (with drops) | 3 | 2.1% |
| after | 268 Mbit/s | 0 | 0.4% |

Nice side effect: the ENOBUFS rate itself fell, because the 500 µs pause lets the Wi-Fi queue drain instead of us hammering it. Thanks everyone.`,
      },
      {
        author: 'lena_netext',
        ago: '6d',
        boosts: 4,
        body: `The same pattern worked for our iOS provider. One caution there: packet tunnel providers on iOS run under a much tighter memory limit than on macOS, so don't "fix" \`ENOBUFS\` by queueing packets for a later retry. A queue that grows under sustained congestion gets the provider jetsammed, which is far worse for users than a few dropped packets.`,
      },
      {
        author: 'mbuf_mike',
        ago: '2d',
        boosts: 1,
        body: `Late follow-up: if you want to know how often this happens in the field, count \`ENOBUFS\` per interface type in your telemetry (\`NWPath.usesInterfaceType(_:)\` on the path you send over). In our data it's almost entirely Wi-Fi, mostly congested 2.4 GHz networks.`,
      },
    ],
  },
  {
    title:
      'Content filter system extension activates, but startFilter(completionHandler:) is never called',
    tags: ['network-extension'],
    author: 'sandbox_sam',
    ago: '15w',
    views: 733,
    boosts: 5,
    body: `Our content filter is packaged as a system extension. Activation succeeds (\`systemextensionsctl list\` shows it \`[activated enabled]\`), and then the app enables the filter like this:

\`\`\`swift
func enableFilter() {
    let manager = NEFilterManager.shared()
    manager.loadFromPreferences { error in
        if let error { self.log.error("load: \\(error)"); return }
        let config = NEFilterProviderConfiguration()
        config.filterSockets = true
        config.filterPackets = false
        manager.providerConfiguration = config
        manager.localizedDescription = "NetGuard"
        manager.isEnabled = true
        manager.saveToPreferences { error in
            self.log.info("save: \\(String(describing: error))")
        }
    }
}
\`\`\`

\`saveToPreferences\` reports no error, and the filter appears in System Settings > Network > Filters. But \`startFilter(completionHandler:)\` never runs (I log on its first line), and the status goes to disconnected within a second:

\`\`\`text
nesessionmanager: NESMFilterSession[Primary Filter:NetGuard]: status changed to connecting
nesessionmanager: NESMFilterSession[Primary Filter:NetGuard]: failed to connect to provider service com.example.netguard.filter-service
nesessionmanager: NESMFilterSession[Primary Filter:NetGuard]: status changed to disconnected, last stop reason Plugin failed
\`\`\`

The extension's **Info.plist** is attached. Its entitlements:

\`\`\`xml
<key>com.apple.developer.networking.networkextension</key>
<array>
    <string>content-filter-provider-systemextension</string>
</array>
<key>com.apple.security.application-groups</key>
<array>
    <string>7QK2M3XJ4P.com.example.netguard</string>
</array>
\`\`\`

macOS 15.5 (24F74), Developer ID signed and notarized. What's wrong with the Mach service?`,
    attachments: [
      {
        name: 'Info.plist',
        content: `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>CFBundleDevelopmentRegion</key>
	<string>en</string>
	<key>CFBundleExecutable</key>
	<string>com.example.netguard.filter</string>
	<key>CFBundleIdentifier</key>
	<string>com.example.netguard.filter</string>
	<key>CFBundleName</key>
	<string>NetGuard Filter</string>
	<key>CFBundlePackageType</key>
	<string>SYSX</string>
	<key>CFBundleShortVersionString</key>
	<string>2.0</string>
	<key>CFBundleVersion</key>
	<string>57</string>
	<key>LSMinimumSystemVersion</key>
	<string>13.0</string>
	<key>NetworkExtension</key>
	<dict>
		<key>NEMachServiceName</key>
		<string>com.example.netguard.filter-service</string>
		<key>NEProviderClasses</key>
		<dict>
			<key>com.apple.networkextension.filter-data</key>
			<string>NetGuardFilter.FilterDataProvider</string>
		</dict>
	</dict>
	<key>NSSystemExtensionUsageDescription</key>
	<string>NetGuard inspects outgoing connections to block known trackers.</string>
</dict>
</plist>
`,
      },
    ],
    replies: [
      {
        author: 'lena_netext',
        ago: '100d',
        accepted: true,
        boosts: 8,
        body: `Your \`NEMachServiceName\` has to be prefixed by one of the app groups the extension is entitled to. \`com.example.netguard.filter-service\` isn't under \`7QK2M3XJ4P.com.example.netguard\`, so the extension can't register that service, and \`nesessionmanager\` has nothing to connect to.

Change it to something like:

\`\`\`xml
<key>NEMachServiceName</key>
<string>$(TeamIdentifierPrefix)com.example.netguard.filter</string>
\`\`\`

which expands to \`7QK2M3XJ4P.com.example.netguard.filter\`, under your group. Then **bump \`CFBundleVersion\`** and re-activate. \`sysextd\` won't replace an installed extension with the same version, so otherwise you keep testing the old one.`,
        comments: [
          {
            author: 'sandbox_sam',
            ago: '99d',
            body: `That was it, plus the version bump. I had changed the name once before and it "didn't work". That was because of the same version number. \`startFilter\` runs now.`,
          },
        ],
      },
      {
        author: 'esf_builder',
        ago: '14w',
        boosts: 3,
        body: `For future debugging: \`sudo launchctl print system | grep -i netguard\` shows whether the Mach service is registered at all. If the name isn't there, the extension couldn't claim it.`,
      },
    ],
  },
  {
    title:
      'NEDNSProxyProvider: answers written with writeDatagrams are ignored and lookups time out',
    tags: ['network-extension'],
    author: 'lena_netext',
    ago: '5w',
    views: 402,
    boosts: 3,
    body: `I'm building a DNS proxy that forwards queries to a DoH upstream. Upstream resolution works: I can see valid responses in my logs, with the right transaction ID. But every lookup on the Mac times out after 5 s (\`dig\` shows \`connection timed out; no servers could be reached\`). macOS 15.6 (24G84).

The relevant code:

\`\`\`swift
override func handleNewFlow(_ flow: NEAppProxyFlow) -> Bool {
    guard let udpFlow = flow as? NEAppProxyUDPFlow else { return false }
    udpFlow.open(withLocalEndpoint: nil) { error in
        if let error { self.log.error("open failed: \\(error)"); return }
        self.pump(udpFlow)
    }
    return true
}

private func pump(_ flow: NEAppProxyUDPFlow) {
    flow.readDatagrams { datagrams, endpoints, error in
        guard let datagrams, let endpoints, error == nil else { return }
        for (query, _) in zip(datagrams, endpoints) {
            self.resolver.resolve(query) { answer in
                flow.writeDatagrams([answer], sentBy: [self.upstreamEndpoint]) { error in
                    if let error { self.log.error("write failed: \\(error)") }
                }
            }
        }
        self.pump(flow)
    }
}
\`\`\`

\`writeDatagrams\` completes with \`nil\` error. Any ideas?`,
    replies: [
      {
        author: 'mbuf_mike',
        ago: '33d',
        body: `Silly question: are you sure the answer's transaction ID matches the query, and you're not re-encoding the message from the DoH JSON API?`,
        comments: [
          {
            author: 'lena_netext',
            ago: '32d',
            body: `Yes. It's RFC 8484 wire format both ways and I checked the IDs in a hex dump.`,
          },
        ],
      },
      {
        author: 'quinn_dts',
        ago: '4w',
        boosts: 7,
        body: `The problem is \`sentBy:\`. That array has to hold the endpoint each datagram was read *from* (the one you get alongside it in \`readDatagrams\`), not the endpoint you really talked to. The system uses it to route the reply back to the right client socket. Your upstream's address matches nothing the client sent to, so the reply is dropped without an error.

Keep the endpoint you're currently throwing away with \`_\`:

\`\`\`swift
for (query, endpoint) in zip(datagrams, endpoints) {
    self.resolver.resolve(query) { answer in
        flow.writeDatagrams([answer], sentBy: [endpoint]) { error in
            if let error { self.log.error("write failed: \\(error)") }
        }
    }
}
\`\`\`

If you build against the macOS 15 SDK you'll also get deprecation warnings for the \`NWHostEndpoint\`-based API. The \`Network.framework\` \`NWEndpoint\` variants behave the same way here.`,
        comments: [
          {
            author: 'lena_netext',
            ago: '27d',
            body: `Facepalm. I'd read \`sentBy\` as "who sent this answer". Working now, thanks.`,
          },
        ],
      },
    ],
  },
  {
    title:
      'Per-app VPN on iOS 18.2 (22C152): Safari traffic bypasses the tunnel even though managed apps work',
    tags: ['network-extension'],
    author: 'mbuf_mike',
    ago: '11mo',
    views: 980,
    boosts: 4,
    body: `We ship a packet tunnel provider and an in-house MDM. Per-app VPN works for our managed apps: they get the \`VPNUUID\` attribute, and their traffic goes through the tunnel. The customer also wants their intranet sites in Safari to use the tunnel, and that part doesn't work. Safari goes direct.

The per-app VPN payload we push:

\`\`\`xml
<dict>
    <key>PayloadType</key>
    <string>com.apple.vpn.managed.applayer</string>
    <key>PayloadIdentifier</key>
    <string>com.example.mdm.vpn.perapp</string>
    <key>PayloadUUID</key>
    <string>8E4C2F0A-3B9D-4B61-9A2E-5D7C1F6B0E44</string>
    <key>PayloadVersion</key>
    <integer>1</integer>
    <key>VPNUUID</key>
    <string>5B1D6E2C-77A0-4C1E-8F33-0A9B2D4E6C18</string>
    <key>VPNType</key>
    <string>VPN</string>
    <key>VPNSubType</key>
    <string>com.example.tunnel</string>
    <key>VPN</key>
    <dict>
        <key>ProviderType</key>
        <string>packet-tunnel</string>
        <key>RemoteAddress</key>
        <string>gw.example.net</string>
    </dict>
</dict>
\`\`\`

We tried setting the \`VPNUUID\` app attribute for \`com.apple.mobilesafari\`, but the MDM command fails because Safari isn't a managed app. Is Safari simply unsupported for per-app VPN?`,
    replies: [
      {
        author: 'lena_netext',
        ago: '45w',
        boosts: 6,
        body: `Safari is supported, but not by bundle ID. You list domains in the per-app VPN payload itself:

\`\`\`xml
<key>SafariDomains</key>
<array>
    <string>intranet.example.com</string>
    <string>wiki.example.com</string>
</array>
\`\`\`

Requests from Safari to those domains (and their subdomains) go through the tunnel. There are matching \`MailDomains\`, \`CalendarDomains\` and \`ContactsDomains\` keys for the other built-in apps.`,
      },
      {
        author: 'quinn_dts',
        ago: '44w',
        boosts: 4,
        body: `lena_netext has it. Two related details that tend to come up next:

- Matching is by the hostname the app asked for, so a bare IP address typed into Safari won't match any entry.
- \`ExcludedDomains\` lets you carve out exceptions, such as a public status page under the same domain.

None of this changes anything in your provider; you just get more flows.`,
      },
      {
        author: 'mbuf_mike',
        ago: '43w',
        boosts: 2,
        body: `Adding \`SafariDomains\` worked, but only after we removed and reinstalled the profile. Updating it in place wasn't enough on a couple of test devices. Filed FB16390211 about that, in case others hit it.`,
      },
    ],
  },
  {
    title:
      'On-demand VPN loops connect/disconnect on captive Wi-Fi: how should EvaluateConnection and probeURL be combined?',
    tags: ['network-extension'],
    author: 'nfs_nora',
    ago: '7mo',
    views: 268,
    boosts: 2,
    body: `Our engineers mount NFS exports from \`*.corp.example\` and we want the VPN to come up on demand only when those hosts are needed off-site. Config on macOS 15.4 (24E248) and iOS 18.4:

\`\`\`swift
let evaluate = NEOnDemandRuleEvaluateConnection()
evaluate.connectionRules = [
    NEEvaluateConnectionRule(matchDomains: ["corp.example"], andAction: .connectIfNeeded)
]
evaluate.interfaceTypeMatch = .any
evaluate.probeURL = URL(string: "https://probe.corp.example/health")

let disconnectOnTrusted = NEOnDemandRuleDisconnect()
disconnectOnTrusted.ssidMatch = ["CorpWiFi"]

manager.onDemandRules = [disconnectOnTrusted, evaluate]
manager.isOnDemandEnabled = true
manager.saveToPreferences { error in /* ... */ }
\`\`\`

On hotel networks with a captive portal, the VPN tries to connect every few seconds while the user is still on the portal page. It fails and retries, and the menu bar icon flickers non-stop. After login it works. How are you supposed to express "don't even try until the network is usable"?`,
    replies: [
      {
        author: 'lena_netext',
        ago: '29w',
        boosts: 5,
        body: `I think the confusion is which \`probeURL\` does what. The one you set is the **rule-level** probe (inherited from \`NEOnDemandRule\`). A rule with a rule-level probe only *matches* if an HTTP GET to that URL returns 200. \`probe.corp.example\` is never reachable from a hotel, so your evaluate rule shouldn't match there at all. If the VPN is still being triggered, some other rule is firing. Check which one with:

\`\`\`sh
log stream --predicate 'process == "nesessionmanager"' --info | grep -i "on demand"
\`\`\`

What usually works for captive networks:

1. \`Disconnect\` on the trusted SSID (as you have).
2. \`EvaluateConnection\` for \`corp.example\`, with a rule-level \`probeURL\` pointing at a **public** endpoint that returns 200 only with real internet access.
3. A final catch-all \`NEOnDemandRuleIgnore\`. While the portal is up, (2) doesn't match, so (3) leaves the VPN alone instead of triggering it.

If you want to check that the corp host is reachable *directly* (to avoid connecting when on the LAN), that's \`NEEvaluateConnectionRule.probeURL\`, the per-connection-rule property, not the rule-level one.`,
        comments: [
          {
            author: 'quinn_dts',
            ago: '202d',
            body: `Agreed on the structure. Rules are evaluated in order and the first match wins, so the catch-all has to come last.`,
          },
        ],
      },
      {
        author: 'nfs_nora',
        ago: '28w',
        boosts: 3,
        body: `You were right that the evaluate rule wasn't the one firing. An old \`Connect\` rule from an earlier profile version was still installed alongside ours. After removing it and switching to your three-rule layout, the portal case is quiet and corp mounts still bring the tunnel up. Thanks!`,
      },
    ],
  },
  {
    title:
      'NETransparentProxyProvider: how do I hand a flow back to the system after deciding asynchronously?',
    tags: ['network-extension'],
    author: 'panic_reader',
    ago: '16mo',
    views: 590,
    boosts: 3,
    body: `Our transparent proxy on macOS 14.5 (23F79) should only proxy connections to hosts that a policy service says need it. The policy lookup is async (XPC to another daemon), so I open the flow first and decide afterwards:

\`\`\`swift
override func handleNewFlow(_ flow: NEAppProxyFlow) -> Bool {
    guard let tcp = flow as? NEAppProxyTCPFlow,
          let remote = tcp.remoteEndpoint as? NWHostEndpoint else { return false }

    tcp.open(withLocalEndpoint: nil) { error in
        if let error { self.log.error("open: \\(error)"); return }
        self.policy.lookup(host: remote.hostname) { decision in
            switch decision {
            case .proxy:
                self.relay(tcp, to: remote)
            case .direct:
                // "give it back" - doesn't work, the app sees a reset
                tcp.closeReadWithError(nil)
                tcp.closeWriteWithError(nil)
            }
        }
    }
    return true
}
\`\`\`

For \`.direct\`, the apps see their connections reset. Is there an API to release a flow back to the kernel after I've claimed it?`,
    replies: [
      {
        author: 'lena_netext',
        ago: '68w',
        boosts: 7,
        body: `No, there isn't. The decision point is the return value of \`handleNewFlow\`. Once you return \`true\`, you own that flow for its whole life, and closing it is exactly what the app sees.

So your options are:

- **Decide synchronously.** Keep a local cache of the policy (refreshed in the background) and consult it in \`handleNewFlow\`. Return \`false\` for direct hosts.
- **Handle "direct" yourself.** For flows you've already claimed, open your own \`NWConnection\` to the original destination and relay. Your provider's own traffic isn't diverted back into the proxy, so this really goes direct. The catch: the remote server sees the connection as coming from your process, not the app.`,
      },
      {
        author: 'tcp_tinkerer',
        ago: '65w',
        boosts: 4,
        body: `Also narrow the rules so you don't see most flows at all. \`includedNetworkRules\` with specific ports or subnets on \`NETransparentProxyNetworkSettings\` is much cheaper than claiming everything and deciding in code.

And note that \`remoteEndpoint\` is an IP for most TCP flows. Use \`flow.remoteHostname\` (macOS 11+) when the app connected by name. It's \`nil\` if the app resolved the name itself first.`,
      },
      {
        author: 'panic_reader',
        ago: '15mo',
        boosts: 1,
        body: `Thanks both. We went with a synchronous cache plus "relay it ourselves" for the rare cache miss. Everything works, and the reset reports from QA are gone.`,
      },
    ],
  },
  {
    title:
      "`mount -F -t blobfs` says the file system isn't found even though my FSKit module is installed",
    tags: ['fskit'],
    author: 'fskit_fan',
    ago: '6mo',
    views: 544,
    boosts: 4,
    body: `First FSKit project: a read-only module for a simple archive format we call "blobfs". The host app is in \`/Applications\` and I've launched it once. The extension is embedded in \`Contents/Extensions/\` and signed with the \`com.apple.developer.fskit.fsmodule\` entitlement. macOS 15.5 (24F74).

\`\`\`sh
% hdiutil attach -nomount ~/tmp/sample-blob.img
/dev/disk5
% mkdir -p /tmp/blob
% sudo mount -F -t blobfs disk5 /tmp/blob
mount: File system named blobfs not found
\`\`\`

The only related entries in the log:

\`\`\`text
fskitd: [com.apple.FSKit:module] refreshing module cache (installed extensions changed)
fskitd: [com.apple.FSKit:module] mount request: fstype=blobfs resource=disk5 flags=-F
fskitd: [com.apple.FSKit:module] lookup for short name 'blobfs'
fskitd: [com.apple.FSKit:module] 0 candidate modules for 'blobfs'
fskitd: [com.apple.FSKit:module] mount request failed: ENOENT
\`\`\`

The extension's \`Info.plist\`, as far as I can tell, matches the template:

\`\`\`xml
<key>EXAppExtensionAttributes</key>
<dict>
    <key>EXExtensionPointIdentifier</key>
    <string>com.apple.fskit.fsmodule</string>
    <key>FSShortName</key>
    <string>blobfs</string>
    <key>FSSupportsBlockResources</key>
    <true/>
    <key>FSPersonalities</key>
    <dict>
        <key>BlobFS</key>
        <dict>
            <key>FSName</key>
            <string>BlobFS</string>
        </dict>
    </dict>
</dict>
\`\`\`

What am I missing?`,
    replies: [
      {
        author: 'vfs_hacker',
        ago: '25w',
        boosts: 6,
        body: `Most likely the module isn't **enabled**. New FSKit modules are off by default. Go to System Settings > General > Login Items & Extensions, then File System Extensions (under "By Category"), and turn yours on. Disabled modules aren't even candidates, which fits your "0 candidate modules".

You can check what's registered, and whether it's enabled, with:

\`\`\`sh
pluginkit -m -vv -p com.apple.fskit.fsmodule
\`\`\`

A leading \`+\` means enabled. No prefix or \`-\` means it's installed but not in use.`,
        comments: [
          {
            author: 'fskit_fan',
            ago: '174d',
            body: `No \`+\` next to mine. Flipped the toggle, and now \`probeResource\` gets called.`,
          },
        ],
      },
      {
        author: 'fskit_fan',
        ago: '24w',
        boosts: 3,
        body: `Confirmed: the toggle was the whole problem. For anyone else: after enabling, the first \`mount -F\` took a few seconds while \`fskitd\` launched the extension. Later mounts are quick. Also, if you rebuild and the app moves (say, from DerivedData into \`/Applications\`), re-check the toggle. For me it was off again after the app's path changed.`,
      },
    ],
  },
  {
    title:
      'FSKit enumerateDirectory is called forever: Finder and `ls` keep getting the same entry back',
    tags: ['fskit'],
    author: 'vfs_hacker',
    ago: '7w',
    views: 915,
    boosts: 8,
    body: `I'm porting a read-only archive file system from a FUSE implementation to FSKit on macOS 26.0.1 (25A362). Mounting works. \`stat\` works. Small directories list fine. But any directory with more than about 60 entries never finishes listing:

- \`ls /Volumes/archive/big\` hangs, and \`fskitd\` plus my extension sit at 100% CPU
- Finder shows the spinner forever
- my extension's log shows \`enumerateDirectory\` called over and over with the same cookie

Log excerpt (my own logging, first line of \`enumerateDirectory\`):

\`\`\`text
enumerate dir=1043 cookie=0 verifier=0 attrs=yes
  packed 61 entries, packer full at index 61
enumerate dir=1043 cookie=60 verifier=1 attrs=yes
  packed 1 entries, packer full at index 61
enumerate dir=1043 cookie=60 verifier=1 attrs=yes
  packed 1 entries, packer full at index 61
... (repeats)
\`\`\`

Here's the implementation:

\`\`\`swift
func enumerateDirectory(_ directory: FSItem,
                        startingAt cookie: FSDirectoryCookie,
                        verifier: FSDirectoryVerifier,
                        attributes: FSItem.GetAttributesRequest?,
                        packer: FSDirectoryEntryPacker,
                        replyHandler reply: @escaping (FSDirectoryVerifier, (any Error)?) -> Void) {
    guard let dir = directory as? ArchiveItem, dir.isDirectory else {
        reply(verifier, POSIXError(.ENOTDIR))
        return
    }
    let children = dir.sortedChildren
    var index = Int(cookie.rawValue)
    while index < children.count {
        let child = children[index]
        let ok = packer.packEntry(name: FSFileName(string: child.name),
                                  itemType: child.itemType,
                                  itemID: child.identifier,
                                  nextCookie: FSDirectoryCookie(UInt64(index)),
                                  attributes: attributes.map { child.attributes(for: $0) })
        if !ok { break }
        index += 1
    }
    reply(FSDirectoryVerifier(dir.generation), nil)
}
\`\`\`

\`dir.generation\` is constant for a read-only archive, so the verifier never changes. I read \`nextCookie\` as "this entry's cookie", so the next call should resume at the entry that didn't fit. Then why does it loop? The second call starts at cookie 60 and should pack 60, 61, 62...

Names are unique UTF-8, identifiers are unique (never 0, 1 or 2), and \`lookupItem(named:inDirectory:)\` works for every child.

I'd rather not guess. How exactly should cookies work?`,
    replies: [
      {
        author: 'fskit_fan',
        ago: '46d',
        boosts: 4,
        body: `I hit this too. \`nextCookie\` is "where to resume **after** this entry", not "this entry's cookie". Try \`index + 1\`.`,
      },
      {
        author: 'mara_kdk',
        ago: '45d',
        accepted: true,
        boosts: 10,
        body: `fskit_fan is right, and here's why it loops rather than just duplicating an entry.

When the packer returns \`false\`, the entry you just tried to pack was **not** added. FSKit then calls you again with the \`nextCookie\` of the last entry that *was* packed. With your code, the last packed entry is index 60, and its \`nextCookie\` is 60. So you restart at 60, pack entry 60 (the one FSKit already has), try 61, run out of space, and FSKit gets the same resume point as before. Forever.

The fix is one line:

\`\`\`swift
nextCookie: FSDirectoryCookie(UInt64(index + 1)),
\`\`\`

A few related points:

- \`FSDirectoryCookie.initial\` (0) means "start from the beginning". Make sure no real resume point is ever 0. With \`index + 1\` that's guaranteed.
- Return a verifier that only changes when the directory changes. For a read-only archive a constant is fine. If you ever support writes, change it on every mutation. When the incoming verifier doesn't match the current one, fail with \`FSError(.invalidDirectoryCookie)\` so the caller restarts the enumeration.
- The packer's capacity depends on the attributes requested. With attributes (as Finder asks for), fewer entries fit per call, which is why you only saw it above about 60.`,
        comments: [
          {
            author: 'vfs_hacker',
            ago: '44d',
            body: `That was it. A 5,000-entry directory now lists in under 100 ms. Thanks for explaining *why* it looped; the one-liner alone wouldn't have told me that.`,
          },
          {
            author: 'nfs_nora',
            ago: '44d',
            body: `Bookmarking this. The docs do say "the next entry", but it's easy to misread.`,
          },
        ],
      },
    ],
  },
  {
    title:
      'FSBlockDeviceResource read fails with EINVAL for 512-byte superblock reads on a 4Kn USB SSD',
    tags: ['fskit'],
    author: 'nfs_nora',
    ago: '4mo',
    views: 237,
    boosts: 2,
    body: `My module's \`probeResource\` reads a 512-byte superblock at offset 1024. Fine on disk images and most USB sticks, but on one external NVMe enclosure it fails:

\`\`\`swift
func probeResource(resource: FSResource,
                   replyHandler reply: @escaping (FSProbeResult?, (any Error)?) -> Void) {
    guard let device = resource as? FSBlockDeviceResource else {
        reply(.notRecognized, nil)
        return
    }
    var header = [UInt8](repeating: 0, count: 512)
    do {
        _ = try header.withUnsafeMutableBytes { buf in
            try device.read(into: buf, startingAt: 1024, length: 512)
        }
        reply(parseSuperblock(header), nil)
    } catch {
        log.error("probe read failed: \\(error, privacy: .public)")
        reply(nil, error)
    }
}
\`\`\`

\`\`\`text
probe read failed: Error Domain=NSPOSIXErrorDomain Code=22 "Invalid argument"
blockSize=4096 physicalBlockSize=4096 blockCount=244190646

% diskutil info disk6 | grep -E 'Media Name|Protocol|Block Size'
   Device / Media Name:       NVMe USB Enclosure
   Protocol:                  USB
   Device Block Size:         4096 Bytes
\`\`\`

macOS 15.6 (24G84). \`dd if=/dev/rdisk6 bs=512 skip=2 count=1\` fails the same way, so I suspect the drive. Is there an FSKit-level way to do unaligned reads, or is this on me?`,
    replies: [
      {
        author: 'fskit_fan',
        ago: '3mo',
        boosts: 5,
        body: `It's on you, I'm afraid. The block device resource passes reads to the raw device, and on a 4Kn drive the offset and length must both be multiples of \`physicalBlockSize\` (4096). Your \`dd\` test proves it.

Read one aligned block and slice:

\`\`\`swift
let sector = Int(device.physicalBlockSize)
let start = (1024 / sector) * sector                 // 0 on 4Kn, 1024 on 512n
let length = max(sector, 1024 + 512 - start)
let block = UnsafeMutableRawBufferPointer.allocate(byteCount: length, alignment: sector)
defer { block.deallocate() }
_ = try device.read(into: block, startingAt: off_t(start), length: length)
let header = Array(block[(1024 - start)..<(1024 - start + 512)])
\`\`\``,
        comments: [
          {
            author: 'nfs_nora',
            ago: '88d',
            body: `Works. I also had to fix the same assumption in my \`loadResource\` journal replay, which read 512-byte records directly.`,
          },
        ],
      },
      {
        author: 'quinn_dts',
        ago: '12w',
        boosts: 3,
        body: `To add to that: the same rule applies to \`metadataRead(into:startingAt:length:)\` and the write calls. Build one helper that rounds out to the sector size and use it everywhere, rather than fixing call sites one by one. 4Kn and 512e drives are getting more common in external enclosures.`,
      },
    ],
  },
  {
    title: 'Where do os_log messages from my FSKit extension end up? I only see fskitd entries',
    tags: ['fskit'],
    author: 'newbie_ned',
    ago: '10d',
    views: 96,
    boosts: 1,
    body: `Sorry if this is basic. My FSKit extension uses \`Logger(subsystem: "com.example.tinyfs", category: "volume")\`, but nothing shows up:

\`\`\`sh
log stream --predicate 'subsystem == "com.example.tinyfs"'
# and after reproducing:
log show --last 10m --predicate 'subsystem == "com.example.tinyfs"'
\`\`\`

All I get from \`fskitd\` is:

\`\`\`text
fskitd: [com.apple.FSKit:extension] launching module com.example.tinyfs.fsext for disk7s1
fskitd: [com.apple.FSKit:extension] connection to com.example.tinyfs.fsext interrupted
fskitd: [com.apple.FSKit:extension] module com.example.tinyfs.fsext exited, will relaunch on demand
fskitd: [com.apple.FSKit:task] loadResource for disk7s1 failed: connection interrupted
\`\`\`

macOS 26.1 (25B78). Am I looking in the wrong place?`,
    replies: [
      {
        author: 'fskit_fan',
        ago: '9d',
        boosts: 4,
        body: `Two separate things here:

1. \`log stream\` hides debug and info messages by default. Use \`--level debug\` (and for \`log show\`, add \`--info --debug\`).
2. "connection interrupted" followed by "exited" means your extension **crashed**. That's probably why there are no logs: it dies before it gets far. Look for a crash report:

\`\`\`sh
ls -t ~/Library/Logs/DiagnosticReports/ | grep -i tinyfs | head
log stream --level debug --predicate 'subsystem == "com.example.tinyfs" OR process == "fskitd"'
\`\`\``,
      },
      {
        author: 'newbie_ned',
        ago: '8d',
        boosts: 1,
        body: `Found it: a \`com.example.tinyfs.fsext\` \`.ips\` report with \`Fatal error: Unexpectedly found nil while unwrapping an Optional value\` in \`loadResource\`. I force-unwrapped \`String(data:encoding: .utf8)\` for the volume label, and my test image has a Latin-1 label. With \`--level debug\` I see my own messages now too. Thanks!`,
      },
    ],
  },
  {
    title:
      'Porting a kext-based VFS to FSKit on macOS 26: what happens to mmap, xattrs and hard links?',
    tags: ['fskit', 'kernel'],
    author: 'kext_keeper',
    ago: '2mo',
    views: 880,
    boosts: 7,
    body: `We maintain a kext-based VFS (a network-backed file system, kernel side in C with \`vnop_*\` handlers). With kexts getting harder to deploy every year, we're evaluating a move to FSKit on macOS 26. Before committing, I'm trying to map the parts of our VFS that aren't simple open/read/write/readdir:

- **mmap / page cache.** Today we implement \`vnop_pagein\`/\`vnop_pageout\` and rely on UBC. In FSKit I only see \`read(from:at:length:into:)\` and \`write(contents:to:at:)\`. Is there a page cache in front of an FSKit volume, or does every page fault round-trip to my extension?
- **Extended attributes.** We store a few xattrs per file and Finder tags must work.
- **Hard links.** Rare for us but used by one customer's backup tool.
- **Performance.** Our kext does about 1.2 GB/s sequential reads from its local cache. What's realistic for a user-space FSKit module?
- **Non-block resources.** We're not backed by a disk. Is \`FSUnaryFileSystem\` usable without an \`FSBlockDeviceResource\`?

Pointers to docs welcome; I've read the [FSKit documentation](https://developer.apple.com/documentation/fskit) but it's mostly a reference.`,
    replies: [
      {
        author: 'mara_kdk',
        ago: '8w',
        boosts: 9,
        body: `Going through your list:

- **Page cache:** yes. The kernel side of an FSKit volume sits on the normal VFS and UBC, so \`mmap\` works, and cached pages are served without calling your extension. You only see reads on cache misses and writes on flush/pageout. You do **not** implement pagein/pageout yourself.
- **Xattrs:** adopt \`FSVolume.XattrOperations\` (get, list, and set, where removal is a set with the delete policy). Finder tags and quarantine go through that path.
- **Hard links:** \`createLink(to:named:inDirectory:replyHandler:)\` on \`FSVolume.Operations\`. Keep \`linkCount\` in your attributes accurate, or tools like \`rsync -H\` get confused.
- **Performance:** for a module that moves file data itself, every miss is an IPC round trip. Big sequential reads with a large I/O size hold up reasonably well; small random I/O costs a lot more than in a kext. For **block-backed** file systems, \`FSVolumeKernelOffloadedIOOperations\` lets you hand the kernel extent mappings (\`blockmapFile\` with an \`FSExtentPacker\`) so the data path stays in the kernel. That doesn't help a network file system, though.
- **Non-block resources:** in macOS 26 there are resource types beyond block devices. Check which \`FSResource\` subclasses your target OS supports and what your \`Info.plist\` needs to declare for them.

I'd prototype the hot path first and measure before porting the rest.`,
        comments: [
          {
            author: 'kext_keeper',
            ago: '55d',
            body: `Very helpful, thanks. Good to hear the UBC point; that was the biggest unknown for us.`,
          },
        ],
      },
      {
        author: 'vfs_hacker',
        ago: '7w',
        boosts: 6,
        body: `Data point from our port (a read-only archive FS on a block device): with 1 MiB reads we get about 70% of what the old kext managed, with no offloaded I/O. Metadata-heavy workloads (\`find\` over 200k files) were the bigger regression, roughly 2.5×, until we added our own attribute cache and started returning attributes directly from \`enumerateDirectory\`.`,
      },
      {
        author: 'kext_keeper',
        ago: '6w',
        boosts: 1,
        body: `Thanks both. We'll prototype the read path with our local cache behind it and measure before deciding. I'll post numbers if they're interesting.`,
      },
      {
        author: 'nfs_nora',
        ago: '5w',
        boosts: 2,
        body: `We're evaluating the same move for an NFS-style client. One thing to budget for: attribute caching and consistency rules (close-to-open and so on) end up being your module's job. In our early tests, making \`getAttributes\` cheap mattered more than the data path.`,
      },
    ],
  },
  {
    title:
      'es_new_client returns ES_NEW_CLIENT_RESULT_ERR_NOT_PERMITTED from launchd but works from Terminal',
    tags: ['endpoint-security'],
    author: 'esf_builder',
    ago: '9w',
    views: 2950,
    boosts: 9,
    body: `We're building an internal Endpoint Security agent for our fleet (about 900 Macs, a mix of macOS 15.6 (24G84) and macOS 26.0.1 (25A362)). For now it's a plain launchd daemon, not a system extension. It's signed with our Developer ID, with the \`com.apple.developer.endpoint-security.client\` entitlement in an embedded provisioning profile. That setup is fine for a daemon as long as the binary lives in a bundle.

When I run it by hand from Terminal with \`sudo …/esd.app/Contents/MacOS/esd --foreground\`, it works. When launchd starts it at boot, or after \`launchctl bootstrap system /Library/LaunchDaemons/com.example.esd.plist\`, \`es_new_client\` fails every time with \`ES_NEW_CLIENT_RESULT_ERR_NOT_PERMITTED\`. The startup code:

\`\`\`c
static es_client_t *g_client;

static int start_es(os_log_t log) {
    es_new_client_result_t res = es_new_client(&g_client, ^(es_client_t *c, const es_message_t *msg) {
        handle_message(c, msg);
    });
    switch (res) {
    case ES_NEW_CLIENT_RESULT_SUCCESS:
        return 0;
    case ES_NEW_CLIENT_RESULT_ERR_NOT_ENTITLED:
        os_log_error(log, "missing endpoint-security entitlement");
        break;
    case ES_NEW_CLIENT_RESULT_ERR_NOT_PERMITTED:
        os_log_error(log, "not permitted (TCC?)");
        break;
    case ES_NEW_CLIENT_RESULT_ERR_NOT_PRIVILEGED:
        os_log_error(log, "must run as root");
        break;
    default:
        os_log_error(log, "es_new_client failed: %d", res);
        break;
    }
    return -1;
}
\`\`\`

And the launchd plist:

\`\`\`xml
<dict>
    <key>Label</key>
    <string>com.example.esd</string>
    <key>Program</key>
    <string>/Library/Application Support/Example/esd.app/Contents/MacOS/esd</string>
    <key>RunAtLoad</key>
    <true/>
    <key>KeepAlive</key>
    <true/>
</dict>
\`\`\`

My guess is Full Disk Access: Terminal has FDA on my machine, and when I run the tool from Terminal, Terminal is the "responsible" process. But:

1. Is that actually the rule? The [\`es_new_client_result_t\`](https://developer.apple.com/documentation/endpointsecurity/es_new_client_result_t) docs mention TCC approval but don't say *whose*.
2. In System Settings > Privacy & Security > Full Disk Access, can I add a daemon that's not a regular app? Its bundle doesn't show up in the picker.
3. For the fleet we obviously can't click through Settings on 900 machines. What's the supported approach?

A system extension is on the roadmap, but I'd like to understand the TCC side first.`,
    replies: [
      {
        author: 'quinn_dts',
        ago: '8w',
        accepted: true,
        boosts: 10,
        body: `Your guess is right. \`ES_NEW_CLIENT_RESULT_ERR_NOT_PERMITTED\` means TCC didn't approve the *responsible* process for Full Disk Access. From Terminal, that's Terminal (which has FDA). From launchd, it's your daemon, which doesn't.

To your questions:

1. The check is against the responsible code. That's why the same binary behaves differently.
2. Yes. In the FDA list, click **+**, press Cmd-Shift-G, and pick the executable inside your bundle. Fine for testing, but don't rely on it for deployment.
3. For managed Macs, use an MDM Privacy Preferences Policy Control payload (\`com.apple.TCC.configuration-profile-policy\`) that grants \`SystemPolicyAllFiles\` to your code, identified by its code requirement:

\`\`\`xml
<key>Services</key>
<dict>
    <key>SystemPolicyAllFiles</key>
    <array>
        <dict>
            <key>Identifier</key>
            <string>com.example.esd</string>
            <key>IdentifierType</key>
            <string>bundleID</string>
            <key>CodeRequirement</key>
            <string>identifier "com.example.esd" and anchor apple generic and certificate leaf[subject.OU] = "7QK2M3XJ4P"</string>
            <key>Allowed</key>
            <true/>
        </dict>
    </array>
</dict>
\`\`\`

Get the exact requirement string from \`codesign -dr - /path/to/esd.app\`. If you ever change signing identity, the grant stops matching.

Moving to a system extension doesn't remove the FDA requirement. It just makes the extension show up more naturally in the FDA list.`,
        comments: [
          {
            author: 'esf_builder',
            ago: '55d',
            body: `PPPC payload pushed to a pilot group of 20 and all of them start cleanly at boot now. Thanks, this was exactly the missing piece.`,
          },
          {
            author: 'sandbox_sam',
            ago: '7w',
            body: `Note for others: if your daemon is a bare executable (no bundle), use \`IdentifierType\` \`path\` with the full path as \`Identifier\`. The code requirement still applies.`,
          },
        ],
      },
      {
        author: 'kext_keeper',
        ago: '6w',
        boosts: 4,
        body: `A testing tip: \`sudo tccutil reset SystemPolicyAllFiles com.example.esd\` lets you start over after experimenting in Settings. Otherwise an old manual grant can hide whether your MDM profile works.`,
      },
      {
        author: 'nfs_nora',
        ago: '5w',
        boosts: 6,
        body: `A related trap: if you test over SSH instead of in Terminal, the responsible process is \`sshd-keygen-wrapper\`, so *that* needs Full Disk Access before \`es_new_client\` succeeds in your SSH session. Took me an afternoon to work out.`,
      },
      {
        author: 'esf_builder',
        ago: '4w',
        boosts: 3,
        body: `Wrap-up for the archives: the PPPC profile is now scoped to all ~900 Macs, the agent starts cleanly at boot on both 15.6 and 26.0.1, and the "agent not running" tickets have stopped. Next step is the system extension move; I'll start a new thread if that goes sideways.`,
      },
    ],
  },
  {
    title: "ES client killed with 'Namespace ENDPOINTSECURITY, Code 2' during large Xcode builds",
    tags: ['endpoint-security'],
    author: 'zone_allocator',
    ago: '16d',
    views: 846,
    boosts: 6,
    body: `Our ES agent subscribes to \`ES_EVENT_TYPE_AUTH_EXEC\` and \`ES_EVENT_TYPE_AUTH_OPEN\` and asks a separate policy daemon over XPC for each decision. It runs fine on normal workloads, but during a clean build of our big Xcode project (about 9,000 Swift files) the agent is killed by the system. The crash report:

\`\`\`text
Process:               esd [611]
Path:                  /Library/SystemExtensions/3F2A9C1E-7B44-4E0D-9A61-0C58D2B7E913/com.example.esd.systemextension/Contents/MacOS/com.example.esd
OS Version:            macOS 26.1 (25B78)

Exception Type:        EXC_CRASH (SIGKILL)
Exception Codes:       0x0000000000000000, 0x0000000000000000
Termination Reason:    Namespace ENDPOINTSECURITY, Code 2 EndpointSecurity client terminated because it failed to respond to a message before its deadline
\`\`\`

The handler, simplified:

\`\`\`c
static void handle_message(es_client_t *client, const es_message_t *msg) {
    es_auth_result_t verdict = ES_AUTH_RESULT_ALLOW;
    xpc_object_t req = build_policy_request(msg);
    xpc_object_t reply = xpc_connection_send_message_with_reply_sync(g_policy_conn, req);
    if (xpc_get_type(reply) == XPC_TYPE_DICTIONARY &&
        !xpc_dictionary_get_bool(reply, "allow")) {
        verdict = ES_AUTH_RESULT_DENY;
    }
    if (msg->event_type == ES_EVENT_TYPE_AUTH_OPEN) {
        es_respond_flags_result(client, msg, verdict == ES_AUTH_RESULT_ALLOW ? UINT32_MAX : 0, false);
    } else {
        es_respond_auth_result(client, msg, verdict, false);
    }
    xpc_release(reply);
    xpc_release(req);
}
\`\`\`

I've attached **es_client.log** from a run that ended in the kill. You can see the XPC round trip and the handler backlog grow until we go past the deadline.

Questions:

1. How long is the deadline, and can we make it longer?
2. The policy daemon is slow under load (it hashes binaries), but it always answers eventually. Is there a pattern to avoid the kill that doesn't mean "allow everything when busy"?
3. Should we be caching? We pass \`cache = false\` because policies can change at runtime.`,
    attachments: [
      {
        name: 'es_client.log',
        content: `# esd 3.2.0 (build 214), macOS 26.1 (25B78), MacBook Pro M3 Max, 64 GB
# columns: time  event  pid  process  policy_rtt  margin_to_deadline  verdict
14:02:11.381 AUTH_OPEN  48211 clang           policy_rtt=2.1ms     margin=14.7s  ALLOW
14:02:11.384 AUTH_OPEN  48211 clang           policy_rtt=1.9ms     margin=14.7s  ALLOW
14:02:11.402 AUTH_EXEC  48230 ld              policy_rtt=3.4ms     margin=14.6s  ALLOW
14:02:19.550 AUTH_OPEN  48502 swift-frontend  policy_rtt=480.2ms   margin=12.9s  ALLOW
14:02:27.006 AUTH_OPEN  48611 swift-frontend  policy_rtt=2210.7ms  margin=9.8s   ALLOW
14:02:27.007 handler backlog: 1893 messages
14:02:35.413 AUTH_EXEC  48790 swift-frontend  policy_rtt=6032.9ms  margin=6.1s   ALLOW
14:02:39.902 AUTH_OPEN  48877 swift-frontend  policy_rtt=9120.4ms  margin=2.2s   ALLOW
14:02:39.903 handler backlog: 4118 messages
14:02:41.015 AUTH_OPEN  48877 swift-frontend  policy_rtt=11804.9ms margin=-0.3s  LATE
# process terminated by the system at 14:02:41.2
`,
      },
    ],
    replies: [
      {
        author: 'mara_kdk',
        ago: '15d',
        accepted: true,
        boosts: 9,
        body: `Your log tells the story: the handler block runs **serially**, and each message waits for a synchronous XPC reply. Once the policy daemon slows down, everything queues behind it. By the time a message reaches the front, its deadline has mostly gone. That's the backlog of 4,118.

1. The deadline isn't fixed and you can't extend it. It varies by event type and system conditions. Always compute it from \`msg->deadline\` (in \`mach_absolute_time\` units), never assume a value.
2. Pattern: retain the message, return from the handler immediately, decide on a concurrent queue, and keep a safety timer that answers at a fraction of the remaining time:

\`\`\`c
static void handle_message(es_client_t *client, const es_message_t *msg) {
    if (msg->action_type != ES_ACTION_TYPE_AUTH) { return; }
    es_retain_message(msg);
    __block atomic_bool answered = false;

    uint64_t budget = abs_to_ns(msg->deadline - mach_absolute_time());
    dispatch_after(dispatch_time(DISPATCH_TIME_NOW, (int64_t)(budget * 3 / 4)), g_timer_q, ^{
        if (!atomic_exchange(&answered, true)) {
            respond(client, msg, fallback_verdict(msg), false);   // don't cache fallbacks
            es_release_message(msg);
        }
    });
    dispatch_async(g_policy_q, ^{
        es_auth_result_t v = ask_policy(msg);                       // async XPC inside
        if (!atomic_exchange(&answered, true)) {
            respond(client, msg, v, true);
            es_release_message(msg);
        }
    });
}
\`\`\`

\`fallback_verdict\` is your call. Allow for opens and deny for exec of unknown binaries is common.

3. Yes, cache. Pass \`cache = true\` for stable verdicts, and call \`es_clear_cache(client)\` whenever the policy changes. For a compiler reopening the same headers thousands of times, it makes a huge difference. Also consider muting the toolchain's own reads with \`es_mute_path_events(..., ES_MUTE_PATH_TYPE_TARGET_PREFIX, ...)\` if your policy doesn't care about them.`,
        comments: [
          {
            author: 'zone_allocator',
            ago: '14d',
            body: `Is \`__block atomic_bool\` safe here? Both blocks are copied by dispatch, so they should share the same heap storage, right?`,
          },
          {
            author: 'mara_kdk',
            ago: '14d',
            body: `Yes. The \`__block\` variable moves to the heap when the first block is copied, and both blocks refer to that one copy. It's fine.`,
          },
        ],
      },
      {
        author: 'zone_allocator',
        ago: '12d',
        boosts: 5,
        body: `Rolled out async handling with a 75% timer plus caching with \`es_clear_cache\` on policy updates. Three days of CI on 14 build machines: zero kills, the backlog never above 40, and the timer fired 11 times in total. Thank you.`,
      },
    ],
  },
  {
    title: 'Muting the Xcode toolchain with es_mute_path: PREFIX vs TARGET_PREFIX confusion',
    tags: ['endpoint-security'],
    author: 'arm64_anya',
    ago: '5mo',
    views: 358,
    boosts: 2,
    body: `I want to ignore \`AUTH_OPEN\` events *from* compiler processes (clang, swift-frontend, ld), but still see opens *of* files inside Xcode.app by other processes. First I tried:

\`\`\`c
static const char *kToolchainBin =
    "/Applications/Xcode.app/Contents/Developer/Toolchains/XcodeDefault.xctoolchain/usr/bin/";

es_return_t rc = es_mute_path(g_client, kToolchainBin, ES_MUTE_PATH_TYPE_PREFIX);
if (rc != ES_RETURN_SUCCESS) {
    os_log_error(g_log, "es_mute_path failed");
}
\`\`\`

That returns success, but I still get thousands of events from \`swift-frontend\`. So I switched to \`ES_MUTE_PATH_TYPE_TARGET_PREFIX\`. That silenced something, but also hid events I wanted. macOS 15.5 (24F74). What's the actual difference?`,
    replies: [
      {
        author: 'esf_builder',
        ago: '21w',
        boosts: 4,
        body: `- \`ES_MUTE_PATH_TYPE_PREFIX\` / \`LITERAL\` match the **process's executable path** (who's doing it).
- \`ES_MUTE_PATH_TYPE_TARGET_PREFIX\` / \`TARGET_LITERAL\` match the **target** of the event (what's being touched).

So your first attempt was conceptually right, and the second muted "anything that opens files under the toolchain", which isn't what you want. You can also restrict target muting to certain events:

\`\`\`c
es_event_type_t open_only[] = { ES_EVENT_TYPE_AUTH_OPEN };
es_mute_path_events(g_client, "/private/var/folders/",
                    ES_MUTE_PATH_TYPE_TARGET_PREFIX, open_only, 1);
\`\`\`

As for why PREFIX didn't work: check what the process path actually is in the messages. Log \`msg->process->executable->path.data\` for one of those events.`,
      },
      {
        author: 'quinn_dts',
        ago: '20w',
        boosts: 3,
        body: `To add to that: process-path muting compares against the executable path the system recorded for the process, after symlinks are resolved. If \`/Applications/Xcode.app\` is a symlink, or the active developer directory is a different Xcode altogether, your literal prefix won't match. Log the path as esf_builder suggests and mute exactly that.`,
        comments: [
          {
            author: 'arm64_anya',
            ago: '139d',
            body: `That was it: \`xcode-select -p\` pointed at \`/Applications/Xcode-beta.app\`. Muting the real path works, and I'm back to \`PREFIX\`. Thanks both!`,
          },
        ],
      },
    ],
  },
  {
    title:
      'ES_EVENT_TYPE_AUTH_EXEC: why do shell scripts show /bin/sh as the target, and where is the script path?',
    tags: ['endpoint-security'],
    author: 'sandbox_sam',
    ago: '10mo',
    views: 612,
    boosts: 3,
    body: `Logging exec arguments in our ES client on macOS 15.2 (24C101):

\`\`\`c
static void on_auth_exec(es_client_t *c, const es_message_t *msg) {
    const es_event_exec_t *exec = &msg->event.exec;
    uint32_t argc = es_exec_arg_count(exec);

    os_log(g_log, "exec %{public}s argc=%u",
           exec->target->executable->path.data, argc);
    for (uint32_t i = 0; i < argc; i++) {
        es_string_token_t arg = es_exec_arg(exec, i);
        os_log(g_log, "  argv[%u]=%{public}.*s", i, (int)arg.length, arg.data);
    }
    es_respond_auth_result(c, msg, ES_AUTH_RESULT_ALLOW, false);
}
\`\`\`

Running \`./deploy.sh --prod\` (the script starts with \`#!/bin/sh\`) produces:

\`\`\`text
exec /bin/sh argc=3
  argv[0]=/bin/sh
  argv[1]=./deploy.sh
  argv[2]=--prod
\`\`\`

I expected the target to be \`deploy.sh\`. Our policy is path-based, so right now every script looks like \`/bin/sh\`. How do I get the script reliably?`,
    replies: [
      {
        author: 'esf_builder',
        ago: '42w',
        boosts: 6,
        body: `That's the kernel's shebang handling: the image actually being executed is the interpreter, and the kernel rewrites argv to \`interpreter, script, args...\`. ES reports what's really exec'd, so \`target\` is \`/bin/sh\`.

The script itself is in \`exec->script\`, an \`es_file_t *\` that's non-NULL when the exec went through a shebang. It only exists from message version 2 onward, so check first:

\`\`\`c
const es_file_t *script = NULL;
if (msg->version >= 2) {
    script = msg->event.exec.script;
}
const char *subject = script ? script->path.data
                             : msg->event.exec.target->executable->path.data;
\`\`\`

Don't parse \`argv[1]\` for this. It's relative (\`./deploy.sh\`) and the caller controls it.`,
        comments: [
          {
            author: 'sandbox_sam',
            ago: '293d',
            body: `Perfect, \`script\` is exactly what I needed. Also switching to \`%.*s\` everywhere; I'd assumed tokens were NUL-terminated elsewhere in the code.`,
          },
        ],
      },
      {
        author: 'mara_kdk',
        ago: '41w',
        boosts: 4,
        body: `One policy caveat: scripts run as \`sh script.sh\` (interpreter invoked explicitly) don't go through shebang handling, so \`script\` is NULL and the script path only shows up as an argument. If your policy has to cover that case, you need \`AUTH_OPEN\` on the script file as well, or a policy on the interpreters themselves.`,
      },
    ],
  },
  {
    title:
      'NSEndpointSecurityEarlyBoot makes login hang for about 30 seconds on macOS 15.2 (24C101)',
    tags: ['endpoint-security', 'kernel'],
    author: 'esf_builder',
    ago: '12mo',
    views: 474,
    boosts: 3,
    body: `We turned on early boot for our ES system extension so we'd see processes launched early in boot:

\`\`\`xml
<key>NSEndpointSecurityEarlyBoot</key>
<true/>
<key>NSEndpointSecurityMachServiceName</key>
<string>7QK2M3XJ4P.com.example.esguard.xpc</string>
\`\`\`

Since then, login takes about 30 s longer on machines away from the office network. Our own log at boot:

\`\`\`text
07:41:02.118 esguard: starting (early boot)
07:41:02.120 esguard: fetching policy from https://policy.example.com/v2/agent
07:41:31.774 esguard: policy fetch ok (29.6 s, 412 rules)
07:41:31.779 esguard: es_new_client ok
07:41:31.781 esguard: subscribed to 6 events
\`\`\`

The login window appears right after the last line. Is the system really waiting for us?`,
    replies: [
      {
        author: 'mara_kdk',
        ago: '11mo',
        boosts: 7,
        body: `Yes. That's what early boot is for. With \`NSEndpointSecurityEarlyBoot\`, the system holds back launching further non-platform processes until every early-boot client has called \`es_subscribe\`, or until a timeout expires. You fetch policy over the network *before* subscribing, so the whole boot waits on your HTTPS request.

Reorder:

1. \`es_new_client\` and \`es_subscribe\` immediately, using the **last policy cached on disk** (or a conservative built-in default).
2. Fetch the fresh policy asynchronously, then swap it in and call \`es_clear_cache\`.

Keep the work you do before subscribing to the minimum. No network and no heavy disk scans.`,
        comments: [
          {
            author: 'esf_builder',
            ago: '47w',
            body: `Makes sense, we'd been treating "policy loaded" as a precondition. Reordered as you describe: time from agent start to subscribe is now 40 ms and login is back to normal.`,
          },
        ],
      },
    ],
  },
  {
    title:
      'Isochronous IN returns kIOReturnIsoTooOld (0xe00002ee) on every frame after sleep/wake in my DriverKit driver',
    tags: ['usb', 'driverkit'],
    author: 'usb_wrangler',
    ago: '3mo',
    views: 702,
    boosts: 5,
    body: `My DriverKit driver streams from a full-speed device over an isochronous IN endpoint (\`0x83\`, \`wMaxPacketSize 0x03FF\`, \`bInterval 1\`: one packet per 1 ms frame). Rock solid for hours, until the Mac sleeps. After wake, every request completes with \`kIOReturnIsoTooOld\` and it never recovers until streaming is restarted.

After wake, on macOS 15.6 (24G84):

\`\`\`text
StreamDriver: SetPowerState 0x2 (wake)
StreamDriver: isoch req 0 status 0xe00002ee frame0 0xe00002ee first=0x0004a1c0
StreamDriver: isoch req 1 status 0xe00002ee frame0 0xe00002ee first=0x0004a1e0
StreamDriver: isoch req 2 status 0xe00002ee frame0 0xe00002ee first=0x0004a200
... (forever)
\`\`\`

Four requests of 32 frames are in flight, each with its own \`OSAction\` (from \`CreateActionIsochComplete\`), data buffer and frame list:

\`\`\`cpp
static constexpr uint32_t kFramesPerRequest = 32;

kern_return_t
StreamDriver::SubmitRequest(RequestContext * ctx)
{
    IOUSBIsochronousFrame * frames = ctx->frames;      // CPU mapping of ctx->frameListMD
    for (uint32_t i = 0; i < kFramesPerRequest; i++) {
        frames[i].status        = kIOReturnInvalid;
        frames[i].requestCount  = ivars->maxPacketSize;   // 1023
        frames[i].completeCount = 0;
    }
    kern_return_t ret = ivars->isochIn->IsochIO(ctx->dataMD, ctx->frameListMD,
                                                ivars->nextFrame, ctx->action);
    ivars->nextFrame += kFramesPerRequest;
    return ret;
}

void
IMPL(StreamDriver, IsochComplete)
{
    RequestContext * ctx = static_cast<RequestContext *>(action->GetReference());
    if (status != kIOReturnSuccess) {
        os_log(OS_LOG_DEFAULT, "StreamDriver: isoch req %u status 0x%x frame0 0x%x first=0x%08llx",
               ctx->index, status, ctx->frames[0].status, ctx->firstFrame);
    }
    DeliverFrames(ctx);
    if (!ivars->stopping) {
        SubmitRequest(ctx);
    }
}
\`\`\`

\`ivars->nextFrame\` is set once at stream start (\`GetFrameNumber()\` + 10) and only ever incremented. My guess is that the frame counter moved on while we slept, so \`nextFrame\` now points into the past. What's the supported recovery?

- Re-read \`GetFrameNumber()\` on error and restart the schedule from there?
- Should the controller's frame counter be continuous across sleep at all?
- Stop streaming in \`SetPowerState\` before sleep and restart on wake?
- How far ahead is safe to schedule? +10 was arbitrary.

Restarting the stream from the app works immediately, so the device itself is fine.`,
    replies: [
      {
        author: 'mara_kdk',
        ago: '11w',
        boosts: 8,
        body: `Your theory is right. Don't assume the frame counter is continuous across system sleep. After wake, your precomputed \`nextFrame\` is far behind the controller's current frame, so every request lands in the past. Because you only ever add 32, you never catch up.

What I'd do:

1. **Quiesce on sleep.** In your \`SetPowerState\` override, when going to a low-power state, set a flag, abort the pipe asynchronously, and let the in-flight requests drain. Don't resubmit from the completion while the flag is set.
2. **Re-prime on wake.** Once powered on again, read \`GetFrameNumber()\` once and start the schedule a few frames ahead, then submit all four requests back to back.
3. **Self-heal.** If a completion ever reports \`kIOReturnIsoTooOld\`, don't just resubmit at \`nextFrame\`. Resync it from \`GetFrameNumber()\`:

\`\`\`cpp
if (status == kIOReturnIsoTooOld) {
    uint64_t now = 0;
    if (ivars->interface->GetFrameNumber(&now, nullptr) == kIOReturnSuccess) {
        ivars->nextFrame = now + kScheduleLeadFrames;   // e.g. 4 at full speed
        os_log(OS_LOG_DEFAULT, "StreamDriver: resync schedule to 0x%llx", ivars->nextFrame);
    }
}
\`\`\`

On lead time: a few frames is enough at full speed. Scheduling too far ahead can get you \`kIOReturnIsoTooNew\` (0xe00002ef) instead, and it adds latency for no benefit. What really matters is having several requests queued, which you already do.`,
        comments: [
          {
            author: 'usb_wrangler',
            ago: '76d',
            body: `Is it safe to call \`GetFrameNumber\` from the completion, or should that move to another queue?`,
          },
          {
            author: 'mara_kdk',
            ago: '75d',
            body: `Calling it from the completion is fine. It's a cheap query and doesn't wait on other I/O.`,
          },
        ],
      },
      {
        author: 'usb_wrangler',
        ago: '10w',
        boosts: 4,
        body: `Implemented all three. Sleep/wake cycles with \`pmset sleepnow\` in a loop: 50 of 50 recovered, with the first data arriving about 15 ms after wake. The self-heal path also fired once when I unplugged and replugged the hub mid-stream, so it was worth having. Thanks, Mara.`,
      },
    ],
  },
  {
    title:
      'ioreg -p IOUSB shows my board, but IOServiceGetMatchingServices with idVendor/idProduct finds nothing',
    tags: ['usb'],
    author: 'newbie_ned',
    ago: '26d',
    views: 183,
    boosts: 1,
    body: `I'm trying to find my RP2040-based board from a small Objective-C tool on macOS 26.1 (25B78). \`ioreg\` sees it fine:

\`\`\`text
% ioreg -p IOUSB -l -w0
+-o Root  <class IORegistryEntry, id 0x100000100, retain 30>
  +-o AppleT8122USBXHCI@01000000  <class AppleT8122USBXHCI, id 0x1000003a4, registered, matched, active, busy 0 (0 ms), retain 62>
    +-o PicoProbe@01100000  <class IOUSBHostDevice, id 0x100004f1c, registered, matched, active, busy 0 (4 ms), retain 21>
        {
          "sessionID" = 2874319920411
          "USBSpeed" = 3
          "idProduct" = 31233
          "iManufacturer" = 1
          "bDeviceClass" = 239
          "bcdDevice" = 256
          "bMaxPacketSize0" = 64
          "USB Product Name" = "PicoProbe"
          "iProduct" = 2
          "idVendor" = 4617
          "kUSBCurrentConfiguration" = 1
          "USB Vendor Name" = "Example Labs"
          "locationID" = 17825792
        }
\`\`\`

But my code finds 0 devices:

\`\`\`objc
NSMutableDictionary *match =
    (__bridge_transfer NSMutableDictionary *)IOServiceMatching("IOUSBDevice");
match[@"idVendor"]  = @"0x1209";
match[@"idProduct"] = @"0x7a01";

io_iterator_t iter = IO_OBJECT_NULL;
kern_return_t kr = IOServiceGetMatchingServices(kIOMainPortDefault,
                                                (__bridge_retained CFDictionaryRef)match,
                                                &iter);
int count = 0;
io_service_t svc;
while ((svc = IOIteratorNext(iter))) { count++; IOObjectRelease(svc); }
NSLog(@"kr=0x%x found %d", kr, count);   // kr=0x0 found 0
IOObjectRelease(iter);
\`\`\``,
    replies: [
      {
        author: 'usb_wrangler',
        ago: '25d',
        accepted: true,
        boosts: 6,
        body: `Two problems:

1. **Class name.** On current macOS, USB devices are \`IOUSBHostDevice\` objects, as your \`ioreg\` output shows. \`IOUSBDevice\` is the old class and nothing in that tree is one.
2. **Value types.** Matching compares property values by type and value. The registry holds **numbers** (\`4617\` is \`0x1209\`), and you're passing strings, so they never match.

\`\`\`objc
NSMutableDictionary *match =
    (__bridge_transfer NSMutableDictionary *)IOServiceMatching(kIOUSBHostDeviceClassName);
match[@kUSBVendorID]  = @(0x1209);
match[@kUSBProductID] = @(0x7a01);
\`\`\`

(\`kIOUSBHostDeviceClassName\` comes from \`<IOKit/usb/IOUSBHostFamilyDefinitions.h>\`, and the key constants from \`<IOKit/usb/USBSpec.h>\`.)`,
        comments: [
          {
            author: 'newbie_ned',
            ago: '24d',
            body: `Both fixes were needed. \`found 1\` now. Thank you!`,
          },
        ],
      },
      {
        author: 'iokit_ines',
        ago: '23d',
        boosts: 2,
        body: `For next time: \`ioreg -p IOUSB -l\` shows the class name in \`<class ...>\` on each line. Copy it from there instead of from older sample code, which often uses pre-2015 class names.`,
      },
    ],
  },
  {
    title:
      'IOServiceAddMatchingNotification fires once for the first device, then never again on hot-plug',
    tags: ['usb', 'iokit'],
    author: 'pcie_pat',
    ago: '9mo',
    views: 821,
    boosts: 4,
    body: `Little helper on macOS 15.3 (24D60) that should log every FTDI adapter plugged in. If an adapter is already connected at launch, I get "added" for it and then nothing for later plugs. With nothing connected at launch, I get the first plug and then nothing. The run loop is definitely running (timers fire).

\`\`\`c
static void device_added(void *refcon, io_iterator_t iter) {
    io_service_t dev = IOIteratorNext(iter);
    if (dev) {
        log_device("added", dev);
        IOObjectRelease(dev);
    }
}

int main(void) {
    IONotificationPortRef port = IONotificationPortCreate(kIOMainPortDefault);
    CFRunLoopAddSource(CFRunLoopGetMain(),
                       IONotificationPortGetRunLoopSource(port),
                       kCFRunLoopDefaultMode);

    CFMutableDictionaryRef match = IOServiceMatching(kIOUSBHostDeviceClassName);
    int32_t vid = 0x0403;
    CFNumberRef vidRef = CFNumberCreate(NULL, kCFNumberSInt32Type, &vid);
    CFDictionarySetValue(match, CFSTR(kUSBVendorID), vidRef);
    CFRelease(vidRef);

    io_iterator_t added = IO_OBJECT_NULL;
    IOServiceAddMatchingNotification(port, kIOFirstMatchNotification, match,
                                     device_added, NULL, &added);
    device_added(NULL, added);          // handle devices already present
    CFRunLoopRun();
    return 0;
}
\`\`\``,
    replies: [
      {
        author: 'iokit_ines',
        ago: '38w',
        boosts: 7,
        body: `The \`if\` in \`device_added\` is the bug. The notification is only re-armed once you've **drained** the iterator, meaning \`IOIteratorNext\` has returned 0. You take one object and stop, so the iterator never reaches its end and the kernel never sends you another message.

\`\`\`c
static void device_added(void *refcon, io_iterator_t iter) {
    io_service_t dev;
    while ((dev = IOIteratorNext(iter)) != IO_OBJECT_NULL) {
        log_device("added", dev);
        IOObjectRelease(dev);
    }
}
\`\`\`

The same rule applies to your \`kIOTerminatedNotification\` iterator, if you add one for unplugs. Drain it once right after registering as well.`,
        comments: [
          {
            author: 'pcie_pat',
            ago: '265d',
            body: `Ugh, that's it. Works with three adapters plugged and unplugged in any order. Thanks!`,
          },
        ],
      },
      {
        author: 'usb_wrangler',
        ago: '37w',
        boosts: 3,
        body: `Also watch the iterator when adapters come in groups: plug in a 4-port hub with four adapters and you get **one** callback with four objects. A \`while\` loop handles that naturally.`,
      },
    ],
  },
  {
    title:
      "Bus-powered board gets 'USB Accessories Disabled' only when plugged into a Studio Display",
    tags: ['usb'],
    author: 'iokit_ines',
    ago: '2mo',
    views: 467,
    boosts: 3,
    body: `Our SuperSpeed capture board (bus-powered, about 540 mA measured peak) works in every port of a MacBook Pro and a Mac Studio. Plugged into the downstream USB-C ports of a Studio Display, macOS shows the "USB Accessories Disabled" alert and the device never gets configured. macOS 26.0.1 (25A362).

Kernel log when plugging it into the display:

\`\`\`text
kernel: (IOUSBHostFamily) Meridian Capture@01421000: enumerated at SuperSpeed (5 Gb/s)
kernel: (IOUSBHostFamily) Meridian Capture@01421000: configuration 1 requests 2000 mA
kernel: (IOUSBHostFamily) Meridian Capture@01421000: unable to set configuration 1: port budget 900 mA (0xe00002e3)
kernel: (IOUSBHostFamily) Meridian Capture@01421000: power budget exceeded, device left unconfigured
UserNotificationCenter: posting notification "USB Accessories Disabled"
\`\`\`

2000 mA is nonsense; we never draw that much. Full descriptors are in the attached **descriptor-dump.txt**, captured on a Linux box since macOS has no \`lsusb -v\` built in. The firmware team says \`bMaxPower\` is \`0xFA\`, which "is 500 mA". What's going on?`,
    attachments: [
      {
        name: 'descriptor-dump.txt',
        content: `$ lsusb -v -d 1209:5bd0   (Ubuntu 24.04, same board, same cable)

Bus 002 Device 004: ID 1209:5bd0 Example Labs Meridian Capture
Negotiated speed: SuperSpeed (5Gbps)
Device Descriptor:
  bLength                18
  bDescriptorType         1
  bcdUSB               3.20
  bDeviceClass            0 [unknown]
  bDeviceSubClass         0 [unknown]
  bDeviceProtocol         0
  bMaxPacketSize0         9
  idVendor           0x1209 Generic
  idProduct          0x5bd0
  bcdDevice            1.07
  iManufacturer           1 Example Labs
  iProduct                2 Meridian Capture
  iSerial                 3 MC2-004417
  bNumConfigurations      1
  Configuration Descriptor:
    bLength                 9
    bDescriptorType         2
    wTotalLength       0x002c
    bNumInterfaces          1
    bConfigurationValue     1
    iConfiguration          0
    bmAttributes         0x80
      (Bus Powered)
    MaxPower             2000mA
    Interface Descriptor:
      bLength                 9
      bDescriptorType         4
      bInterfaceNumber        0
      bAlternateSetting       0
      bNumEndpoints           2
      bInterfaceClass       255 Vendor Specific Class
      bInterfaceSubClass      0 [unknown]
      bInterfaceProtocol      0
      iInterface              0
      Endpoint Descriptor:
        bLength                 7
        bDescriptorType         5
        bEndpointAddress     0x81  EP 1 IN
        bmAttributes            2
          Transfer Type            Bulk
          Synch Type               None
          Usage Type               Data
        wMaxPacketSize     0x0400  1x 1024 bytes
        bInterval               0
        bMaxBurst               3
      Endpoint Descriptor:
        bLength                 7
        bDescriptorType         5
        bEndpointAddress     0x02  EP 2 OUT
        bmAttributes            2
          Transfer Type            Bulk
          Synch Type               None
          Usage Type               Data
        wMaxPacketSize     0x0400  1x 1024 bytes
        bInterval               0
        bMaxBurst               0

--- same board forced to USB 2 (USB-C to Micro-B 2.0 cable) ---
    bmAttributes         0x80
      (Bus Powered)
    MaxPower              500mA
`,
      },
    ],
    replies: [
      {
        author: 'usb_wrangler',
        ago: '7w',
        boosts: 9,
        body: `\`bMaxPower\` units depend on the speed the device is running at:

- USB 2.0 (and below): **2 mA** units, so \`0xFA\` = 250 × 2 = **500 mA**
- SuperSpeed: **8 mA** units, so \`0xFA\` = 250 × 8 = **2000 mA**, far above the 896 mA maximum a SuperSpeed configuration may declare (\`0x70\`)

Your dump shows exactly that: \`MaxPower 2000mA\` at 5 Gbps and \`500mA\` on the USB 2 cable. The firmware reuses the USB 2 value in the SuperSpeed descriptor set.

The Mac's own ports can supply more than the standard budget, which is why it happened to work there. The display's hub can't, so macOS rejects the configuration (\`kIOReturnNoPower\`, \`0xe00002e3\`) and shows the alert.

Fix the SuperSpeed configuration descriptor to what you really need. For 540 mA peak, \`0x4B\` (600 mA) leaves some headroom.`,
        comments: [
          {
            author: 'iokit_ines',
            ago: '48d',
            body: `That explains everything. Firmware with \`0x4B\` in the SS config enumerates fine on the display. Sending the units table to the firmware team.`,
          },
          {
            author: 'pcie_pat',
            ago: '6w',
            body: `USB3CV's chapter 9 tests would have flagged this, by the way. Worth running before the next hardware rev.`,
          },
        ],
      },
    ],
  },
  {
    title:
      'Do I need to send a zero-length packet myself after a 4096-byte bulk OUT with IOUSBHostPipe?',
    tags: ['usb'],
    author: 'panic_reader',
    ago: '18mo',
    views: 41,
    body: `Our device's firmware ends a transfer on a short packet, so when a command is an exact multiple of \`wMaxPacketSize\` (512, high speed) it expects a ZLP. Using the IOUSBHost framework on macOS 14.5 (23F79):

\`\`\`objc
NSError *error = nil;
NSUInteger sent = 0;
NSMutableData *payload = [self framedPayloadForCommand:cmd];   // 4096 bytes here
BOOL ok = [self.bulkOut sendIORequestWithData:payload
                             bytesTransferred:&sent
                            completionTimeout:1.0
                                        error:&error];
if (ok && (payload.length % 512) == 0) {
    // Needed? Or does the stack add the ZLP for me?
    ok = [self.bulkOut sendIORequestWithData:[NSMutableData data]
                            bytesTransferred:&sent
                           completionTimeout:1.0
                                       error:&error];
}
\`\`\`

With the second call the device works. Without it, the device waits until the next command. I couldn't find anything in the docs about whether the host stack adds the ZLP automatically. Is sending an empty request the intended way?`,
  },
  {
    title:
      "Sandboxed app gets kIOReturnNotPermitted opening our kext's user client; Sandbox log says iokit-open-user-client",
    tags: ['iokit', 'kernel'],
    author: 'kext_keeper',
    ago: '8mo',
    views: 958,
    boosts: 5,
    body: `We still ship a thermal-monitoring kext (a DriverKit port is on the roadmap), with an \`IOUserClient\` subclass named \`ThermalMonUserClient\`. The new UI app is sandboxed, Developer ID distributed, and \`IOServiceOpen\` fails with \`0xe00002e2\` (\`kIOReturnNotPermitted\`). The old unsandboxed app works on the same Mac, macOS 15.4 (24E248).

\`\`\`objc
io_service_t svc = IOServiceGetMatchingService(kIOMainPortDefault,
                                               IOServiceMatching("ThermalMonDriver"));
io_connect_t conn = IO_OBJECT_NULL;
kern_return_t kr = IOServiceOpen(svc, mach_task_self(), kThermalMonClientType, &conn);
if (kr != KERN_SUCCESS) {
    os_log_error(log, "IOServiceOpen: 0x%08x", kr);   // 0xe00002e2
}
IOObjectRelease(svc);
\`\`\`

The log shows the same pair every time the app retries:

\`\`\`text
10:14:22.318  kernel: Sandbox: ThermCtl(4121) deny(1) iokit-open-user-client ThermalMonUserClient
10:14:22.319  ThermCtl: [com.example.thermctl:driver] IOServiceOpen: 0xe00002e2
10:14:24.331  kernel: Sandbox: ThermCtl(4121) deny(1) iokit-open-user-client ThermalMonUserClient
10:14:24.331  ThermCtl: [com.example.thermctl:driver] IOServiceOpen: 0xe00002e2
\`\`\`

Is there an entitlement for this, or is a sandboxed app simply not allowed to talk to a kext?`,
    replies: [
      {
        author: 'quinn_dts',
        ago: '34w',
        accepted: true,
        boosts: 8,
        body: `There is one, but it's a temporary exception entitlement. List the user client **class name** (the one in the Sandbox message, not the driver's class):

\`\`\`xml
<key>com.apple.security.temporary-exception.iokit-user-client-class</key>
<array>
    <string>ThermalMonUserClient</string>
</array>
\`\`\`

Notes:

- For Developer ID distribution this is fine.
- For the Mac App Store, temporary exceptions get close scrutiny in review, and a product that needs a kext can't be on the store anyway.
- When you move to DriverKit, the equivalent is \`com.apple.developer.driverkit.userclient-access\` on the app. It's keyed by the dext's bundle ID and is the supported path for sandboxed clients.`,
        comments: [
          {
            author: 'kext_keeper',
            ago: '237d',
            body: `Added the key and it works. Good to know about the DriverKit equivalent; one more reason to get that port done.`,
          },
        ],
      },
      {
        author: 'sandbox_sam',
        ago: '33w',
        boosts: 2,
        body: `If you later add a second user client class (for example a privileged one), it needs its own entry in that array. The exception is per class, not per driver.`,
      },
    ],
  },
  {
    title: 'IORegisterForSystemPower: idle sleep is delayed 30 seconds, lid close is instant',
    tags: ['iokit'],
    author: 'zone_allocator',
    ago: '14mo',
    views: 377,
    boosts: 2,
    body: `Our fan-control agent registers for system power notifications so it can park the fans before sleep. Since we added it, idle sleep takes an extra 30 s, while closing the lid still sleeps instantly. macOS 15.0.1 (24A348).

\`\`\`c
static io_connect_t g_root_port;

static void power_callback(void *refcon, io_service_t service,
                           natural_t messageType, void *messageArgument) {
    switch (messageType) {
    case kIOMessageSystemWillSleep:
        fan_controller_park();
        IOAllowPowerChange(g_root_port, (long)messageArgument);
        break;
    case kIOMessageSystemHasPoweredOn:
        fan_controller_resume();
        break;
    default:
        break;
    }
}

void register_power(void) {
    IONotificationPortRef port = NULL;
    io_object_t notifier = IO_OBJECT_NULL;
    g_root_port = IORegisterForSystemPower(NULL, &port, power_callback, &notifier);
    CFRunLoopAddSource(CFRunLoopGetMain(),
                       IONotificationPortGetRunLoopSource(port),
                       kCFRunLoopCommonModes);
}
\`\`\`

\`pmset -g log\` points at us:

\`\`\`text
2024-09-28 23:12:40 +0200 Notification        	Display is turned off
2024-09-28 23:13:10 +0200 PM Client Acks      	Delays to Sleep notifications: [FanCtl is slow(30012 ms)]
2024-09-28 23:13:10 +0200 Sleep               	Entering Sleep state due to 'Idle Sleep':TCPKeepAlive=active Using AC (Charge:100%) 2 secs
\`\`\``,
    replies: [
      {
        author: 'iokit_ines',
        ago: '13mo',
        boosts: 6,
        body: `You're missing \`kIOMessageCanSystemSleep\`. It's sent **only for idle sleep** (a request, which you can refuse), and that's why lid close isn't affected. If you don't answer it, the system waits for the 30 s timeout.

\`\`\`c
case kIOMessageCanSystemSleep:
    // Allow idle sleep (or IOCancelPowerChange to veto it).
    IOAllowPowerChange(g_root_port, (long)messageArgument);
    break;
\`\`\`

Keep acknowledging \`kIOMessageSystemWillSleep\` too. That one is a notification you can't refuse, but it still waits for your ack (or the timeout).`,
        comments: [
          {
            author: 'zone_allocator',
            ago: '55w',
            body: `Added the case and idle sleep is instant again. The 'only for idle sleep' part explains the lid-close difference. Thanks!`,
          },
        ],
      },
    ],
  },
  {
    title:
      'Reading IOPlatformSerialNumber and other registry properties from a Swift command-line tool',
    tags: ['iokit'],
    author: 'sandbox_sam',
    ago: '5d',
    views: 74,
    boosts: 1,
    body: `I need the serial number and model identifier in a small Swift CLI for our inventory script. My first attempt uses \`kIOMasterPortDefault\` (deprecation warning) and I'm unsure about the \`Unmanaged\` dance with \`IORegistryEntryCreateCFProperty\`. The \`model\` property comes back as \`Data\`, not a \`String\`. What's the clean way to do this today?`,
    replies: [
      {
        author: 'iokit_ines',
        ago: '4d',
        boosts: 4,
        body: `Use \`kIOMainPortDefault\` (macOS 12+), take the retained value, and handle both \`String\` and \`Data\`:

\`\`\`swift
import IOKit

func platformProperty(_ key: String) -> String? {
    let service = IOServiceGetMatchingService(kIOMainPortDefault,
                                              IOServiceMatching("IOPlatformExpertDevice"))
    guard service != IO_OBJECT_NULL else { return nil }
    defer { IOObjectRelease(service) }

    guard let value = IORegistryEntryCreateCFProperty(service, key as CFString,
                                                      kCFAllocatorDefault, 0)?
            .takeRetainedValue() else { return nil }
    switch value {
    case let s as String:
        return s
    case let d as Data:
        // "model" is a NUL-terminated byte string
        return String(decoding: d.prefix { $0 != 0 }, as: UTF8.self)
    default:
        return nil
    }
}

print(platformProperty(kIOPlatformSerialNumberKey) ?? "?")
print(platformProperty("model") ?? "?")
\`\`\``,
      },
      {
        author: 'pcie_pat',
        ago: '2d',
        boosts: 1,
        body: `Also note that \`ioreg -rd1 -c IOPlatformExpertDevice\` shows every property on that node. It's handy for finding which ones are \`Data\` before you write the Swift.`,
        comments: [
          {
            author: 'sandbox_sam',
            ago: '1d',
            body: `Works perfectly, and \`ioreg -rd1\` is a nice trick. Thanks both.`,
          },
        ],
      },
    ],
  },
]
