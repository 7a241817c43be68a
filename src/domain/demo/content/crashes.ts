import type { DemoThread } from '../demo.types.js'

/**
 * Demo threads that exercise signatures (docs/signatures.md): two reports of one panic from different Macs
 * (one pasted without a fence, so the rescued-paste rendering shows), two of one FSKit crash (one as an
 * attachment), error codes in several spellings, IOKit codes in hex and as signed integers, and Feedback
 * numbers. All scenarios, logs, addresses, builds and bug numbers are invented.
 */
export const crashThreads: DemoThread[] = [
  {
    title: 'userspace watchdog timeout at login: no successful checkins from our agent',
    tags: ['endpoint-security', 'kernel'],
    author: 'esf_builder',
    ago: '2d',
    views: 212,
    boosts: 4,
    body: `Since our 4.2 release, a few Macs restart at login with this panic (macOS 26.1 (25B78), MacBook Pro M3):

\`\`\`text
panic(cpu 6 caller 0xfffffe0024c4f0f8): userspace watchdog timeout: no successful checkins from com.acme.agentd in 120 seconds
Debugger message: panic
OS version: 25B78
Panicked task 0xfffffe1b3c7a8000: 180 pages, 7 threads: pid 1: launchd
\`\`\`

\`com.acme.agentd\` is our launch agent. At login it makes synchronous XPC calls to our daemon, which in turn waits for the network. Can a slow XPC reply really starve the watchdog? I filed FB15550123 with a sysdiagnose.`,
    replies: [
      {
        author: 'quinn_dts',
        ago: '1d',
        accepted: true,
        boosts: 7,
        body: `The message names the process watchdogd stopped hearing from, and \`com.acme.agentd\` is registered with it because your agent is registered for watchdog monitoring through its launchd plist. A synchronous \`xpc_connection_send_message_with_reply_sync()\` on the main queue blocks the check-in for as long as the daemon takes to answer.

Move the call off the main queue (use the asynchronous reply API) and make the daemon answer right away, doing the network work after it replies. Once the agent checks in on time, the panic goes away. Thanks for the FB; please add the spindump from the next occurrence to FB15550123.`,
      },
    ],
  },
  {
    title:
      'Mac restarts at the login window after installing our endpoint agent (watchdog timeout)',
    tags: ['endpoint-security'],
    author: 'sandbox_sam',
    ago: '5h',
    views: 38,
    boosts: 1,
    body: `Different customer, different hardware (Intel iMac on macOS 15.6.1 (24G90)), but I think it's the same problem. The Mac sits at the login window, then restarts. From the panic report, pasted as-is:

panic(cpu 2 caller 0xffffff8012b2c3d8): userspace watchdog timeout: no successful checkins from com.acme.agentd in 180 seconds
Debugger message: panic
OS version: 24G90

Our agent blocks on the network during startup, so I suspect it never checks in. Is there a supported way to delay the agent until the network is up?`,
    replies: [
      {
        author: 'panic_reader',
        ago: '3h',
        boosts: 2,
        body: `That's the same crash as the one reported two days ago; the thread page shows it under "Crash" with the other report linked. Blocking in the agent's startup path is the cause there too: check in first, then wait for the network asynchronously (\`nw_path_monitor\` tells you when a path is satisfied).`,
      },
    ],
  },
  {
    title: 'FSKit module crashes in lookupItem for names with a trailing dot',
    tags: ['fskit'],
    author: 'fskit_fan',
    ago: '4d',
    views: 97,
    boosts: 2,
    body: `Looking up \`report.\` (trailing dot) on our FSKit volume crashes the module on macOS 26.0.1 (25A362):

\`\`\`text
Process:               AcmeFSModule [2281]
Exception Type:        EXC_BAD_ACCESS (SIGSEGV)
Exception Codes:       KERN_INVALID_ADDRESS at 0x0000000000000018
Crashed Thread:        2  Dispatch queue: com.acme.fs.lookup

Thread 2 Crashed::  Dispatch queue: com.acme.fs.lookup
0   AcmeFSModule                  0x0000000100a4c1f0 AcmeVolume.lookupItem(named:inDirectory:replyHandler:) + 412
1   AcmeFSModule                  0x0000000100a4b9d4 AcmeNameTable.entry(for:) + 96
2   libdispatch.dylib             0x000000018d2a0a8c _dispatch_call_block_and_release + 32
3   libdispatch.dylib             0x000000018d2a2348 _dispatch_client_callout + 20
\`\`\`

Our name table splits at the last dot to find the extension, and I suspect the empty extension.`,
    replies: [
      {
        author: 'fskit_fan',
        ago: '3d',
        accepted: true,
        boosts: 3,
        body: `Confirmed: \`AcmeNameTable.entry(for:)\` force-unwrapped the extension's range, which is empty for \`report.\`. Returning \`ENOENT\` through \`replyHandler(nil, fs_errorForPOSIXError(ENOENT))\` for names we can't parse fixed the crash.`,
      },
    ],
  },
  {
    title: 'Finder quits our FSKit module when opening a folder with a file named "notes."',
    tags: ['fskit'],
    author: 'vfs_hacker',
    ago: '9h',
    views: 21,
    body: `Reproduced on a second Mac (macOS 26.1 (25B78), Mac mini M2) with the same build of the module: opening a folder that holds \`notes.\` makes Finder show the volume as disconnected. The crash report is attached. Is this the trailing-dot problem from the other thread?`,
    attachments: [
      {
        name: 'AcmeFSModule-2025-11-26-101522.ips',
        content: `Process:               AcmeFSModule [907]
Exception Type:        EXC_BAD_ACCESS (SIGSEGV)
Exception Codes:       KERN_INVALID_ADDRESS at 0x0000000000000020
Crashed Thread:        4  Dispatch queue: com.acme.fs.lookup

Thread 4 Crashed::  Dispatch queue: com.acme.fs.lookup
0   AcmeFSModule                  0x0000000104c1c1f0 AcmeVolume.lookupItem(named:inDirectory:replyHandler:) + 412
1   AcmeFSModule                  0x0000000104c1b9d4 AcmeNameTable.entry(for:) + 96
2   libdispatch.dylib             0x0000000190e44a8c _dispatch_call_block_and_release + 32
3   libdispatch.dylib             0x0000000190e46348 _dispatch_client_callout + 20
`,
      },
    ],
  },
  {
    title:
      'dtruss says Err#13, our log says "Permission denied", the app says errno 13: one problem or three?',
    tags: ['endpoint-security', 'kernel'],
    author: 'newbie_ned',
    ago: '6d',
    views: 74,
    boosts: 1,
    body: `Our helper can't open its own log directory after an update. Three tools, three spellings:

\`\`\`text
open_nocancel("/Library/Logs/Acme/helper.log\\0", 0x209, 0x1B6)		 = -1 Err#13
\`\`\`

The helper's own log says \`open: Permission denied\`, and the app shows "failed with errno 13". A second path fails with Err#2 (No such file or directory). Are these all EACCES and ENOENT, and why would an update change permissions?`,
    replies: [
      {
        author: 'mara_kdk',
        ago: '5d',
        accepted: true,
        boosts: 5,
        body: `Yes: \`Err#13\` is dtruss printing errno 13, which is \`EACCES\`, and "Permission denied" is its \`strerror()\` text; \`Err#2\` is \`ENOENT\`. The thread page lists them once each under "Mentions" for that reason.

The update most likely recreated \`/Library/Logs/Acme\` as root with mode 0755 while the helper runs as \`_acme\`. Fix the ownership in your postinstall, or have the helper create its directory itself.`,
      },
    ],
  },
  {
    title: 'IOConnectCallScalarMethod returns -536870174 from a sandboxed helper only',
    tags: ['iokit', 'driverkit'],
    author: 'iokit_ines',
    ago: '12h',
    views: 45,
    boosts: 2,
    body: `On macOS 26.1 (25B78), \`IOConnectCallScalarMethod()\` returns -536870174 when our sandboxed helper calls selector 2 of our dext's user client. The unsandboxed CLI gets \`kIOReturnSuccess\`. I think -536870174 is 0xe00002e2, i.e. kIOReturnNotPermitted, but the dext never logs the call. FB15561234 has the sysdiagnose.`,
    replies: [
      {
        author: 'driverkit_dan',
        ago: '8h',
        boosts: 3,
        body: `Right, -536870174 is \`0xe00002e2\` printed as a signed int, \`kIOReturnNotPermitted\`. When the dext never sees the call, the refusal comes from the sandbox before \`IOServiceOpen\` succeeds: the helper needs \`com.apple.security.temporary-exception.iokit-user-client-class\` naming your user client class, or better, the DriverKit user-client access entitlement for your dext's bundle id.`,
      },
    ],
  },
]
