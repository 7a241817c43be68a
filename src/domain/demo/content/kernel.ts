import type { DemoThread } from '../demo.types.js'

/**
 * Demo threads for the Kernel tag: VFS, zones, locking, mbufs, socket filters, IOKit lifecycle,
 * kernel debugging and kext loading. All scenarios, logs, addresses and bug numbers are invented.
 */
export const kernelThreads: DemoThread[] = [
  {
    title: "kmutil can't bind IOService symbols for my first kext on macOS 26.1 (25B78)",
    tags: ['kernel'],
    author: 'newbie_ned',
    ago: '7m',
    views: 0,
    boosts: 0,
    body: `I'm new to kernel work. I wrote a tiny IOKit kext (it publishes a fake service and counts opens) to learn the basics before we move our real product to DriverKit. It builds in Xcode without warnings, but loading fails:

\`\`\`sh
% sudo kmutil load -p /Library/Extensions/CounterKext.kext
Error Domain=KMErrorDomain Code=31 "Error occurred while building a collection:
  1: One or more binaries has an error which prevented linking.  See other errors.
  2: Could not use 'com.example.counterkext' because: Failed to bind '__ZN9IOService5startEPS_'
     in 'com.example.counterkext' as could not find a kext which exports this symbol
com.example.counterkext specific:
  1: Failed to bind '__ZN9IOService5startEPS_' as could not find a kext which exports this symbol
"
\`\`\`

My \`OSBundleLibraries\` only lists \`com.apple.kpi.libkern\` (version \`25.1.0\`). The machine is a MacBook Air M2 on **macOS 26.1 (25B78)** with Reduced Security and "Allow user management of kernel extensions" turned on.

- Do I need to add \`com.apple.kpi.iokit\` as well?
- Is there a tool that tells me which KPI bundle exports a given symbol, so I don't have to guess?`,
  },
  {
    title: 'Negative name cache entries survive a rename in my network file system kext',
    tags: ['kernel'],
    author: 'nfs_nora',
    ago: '5h',
    views: 64,
    boosts: 2,
    body: `Our product includes a VFS kext for a proprietary network file system (NFS-like: stateless server, per-directory change cookies). To avoid a round trip for every missing \`.DS_Store\` and \`._*\` file, we enter negative lookups with \`cache_enter(dvp, NULL, cnp)\`.

Problem: after \`mv a.txt b.txt\` **on the same Mac**, \`ls\` shows \`b.txt\` but \`stat b.txt\` returns \`ENOENT\` for several seconds. Our rename handler:

\`\`\`c
static int
qfs_vnop_rename(struct vnop_rename_args *ap)
{
    struct qfs_node *fdnp = VTOQ(ap->a_fdvp);
    struct qfs_node *tdnp = VTOQ(ap->a_tdvp);
    int error;

    error = qfs_rpc_rename(fdnp, ap->a_fcnp, tdnp, ap->a_tcnp, ap->a_context);
    if (error != 0)
        return error;

    cache_purge(ap->a_fvp);
    if (ap->a_tvp != NULL)
        cache_purge(ap->a_tvp);

    qfs_attr_invalidate(fdnp);
    qfs_attr_invalidate(tdnp);
    return 0;
}
\`\`\`

I expected \`cache_purge\` to cover this. What am I missing? And what's the recommended way to age out negative entries when the change happens on **another** client?`,
    replies: [
      {
        author: 'vfs_hacker',
        ago: '3h',
        boosts: 4,
        body: `\`cache_purge(vp)\` removes entries that *point at* \`vp\`. A negative entry doesn't point at any vnode; it hangs off the **directory**. So the stale "\`b.txt\` does not exist" entry in \`tdvp\` survives your purge.

After a successful rename, add:

\`\`\`c
    cache_purge(ap->a_fvp);
    if (ap->a_tvp != NULL)
        cache_purge(ap->a_tvp);
    /* the target name now exists: drop "not found" entries in the target dir */
    cache_purge_negatives(ap->a_tdvp);
\`\`\`

Do the same in every operation that makes a name appear: \`vnop_create\`, \`vnop_mkdir\`, \`vnop_symlink\`, \`vnop_link\`.

For changes made by other clients you have to revalidate before trusting the cache. In \`vnop_lookup\`, before calling \`cache_lookup()\`:

1. Fetch (or use recently cached) directory attributes.
2. If the change cookie differs from the one you stored when you last entered negatives, call \`cache_purge_negatives(dvp)\` and update the stored cookie.
3. Only then consult the name cache.

The NFS client in [xnu](https://github.com/apple-oss-distributions/xnu) does something very similar with the directory mtime; it's worth reading how it ties negative entries to that value.`,
      },
      {
        author: 'nfs_nora',
        ago: '42m',
        boosts: 1,
        body: `Adding \`cache_purge_negatives(tdvp)\` fixed the local case right away.

For the remote case, I now store the directory's change cookie in the node when the first negative entry goes in, and purge when it moves. I also capped negative entries at 5 seconds, since some of our servers don't bump the cookie for attribute-only changes. \`ls\` and \`stat\` agree now. Thanks!`,
      },
    ],
  },
  {
    title:
      'KAUTH_FILEOP_CLOSE listener costs ~8% CPU during Xcode builds — is there a cheaper way to filter?',
    tags: ['kernel', 'endpoint-security'],
    author: 'esf_builder',
    ago: '1d',
    views: 143,
    boosts: 3,
    body: `We still ship a small kext with a kauth fileop listener that records which files in a few watched folders were modified. During large Xcode builds, \`kernel_task\` goes up by about 8% and the profile points at our callback:

\`\`\`c
static int
fileop_listener(kauth_cred_t cred, void *idata, kauth_action_t action,
                uintptr_t arg0, uintptr_t arg1, uintptr_t arg2, uintptr_t arg3)
{
    if (action != KAUTH_FILEOP_CLOSE)
        return KAUTH_RESULT_DEFER;

    vnode_t vp = (vnode_t)arg0;
    int len = MAXPATHLEN;
    char *path = IOMallocData(MAXPATHLEN);
    if (path == NULL)
        return KAUTH_RESULT_DEFER;

    if (vn_getpath(vp, path, &len) == 0 && watched_path_match(path, len))
        event_queue_push(path, len, (int)arg2);

    IOFreeData(path, MAXPATHLEN);
    return KAUTH_RESULT_DEFER;
}
\`\`\`

Is there any way to make the kernel filter these *before* calling us, like a path prefix? Or is the answer "move to Endpoint Security"?`,
    replies: [
      {
        author: 'quinn_dts',
        ago: '20h',
        boosts: 9,
        body: `There's no filtering at the kauth level: your callback runs for every close on the system, so it has to be as cheap as possible. Some quick wins:

- For \`KAUTH_FILEOP_CLOSE\`, \`arg1\` is already the path (a \`const char *\`). You don't need \`vn_getpath\` or the 1 KiB allocation.
- \`arg2\` holds the flags. Check \`KAUTH_FILEOP_CLOSE_MODIFIED\` **first** and return early. Most closes during a build are read-only.
- Do a cheap prefix compare before anything else, and keep \`event_queue_push\` non-blocking.

In the long run, yes, the answer is [Endpoint Security](https://developer.apple.com/documentation/endpointsecurity). \`ES_EVENT_TYPE_NOTIFY_CLOSE\` has a \`modified\` field, and with path muting (\`es_mute_path\`, plus \`es_invert_muting\` to turn it into an allow list) the kernel does the filtering for you. The kauth KPI is deprecated, and I wouldn't build anything new on it.`,
      },
      {
        author: 'esf_builder',
        ago: '2h',
        boosts: 2,
        body: `Using \`arg1\` and checking \`KAUTH_FILEOP_CLOSE_MODIFIED\` first took us from ~8% to ~1.5% on the same build. Good enough to ship the point release.

We've scheduled the ES migration for the next major version. The inverted muting is exactly the "path prefix filter" I was asking for.`,
      },
    ],
  },
  {
    title: 'IOUSBHostInterface::open returns false after sleep/wake on Apple Silicon',
    tags: ['kernel', 'usb'],
    author: 'usb_wrangler',
    ago: '2d',
    views: 212,
    boosts: 1,
    body: `We have a legacy kext for a USB data-acquisition box (still shipping for a customer's lab machines). Since moving those labs to Apple Silicon, the driver stops working after the Mac sleeps and wakes. Our power handling:

\`\`\`cpp
IOReturn CounterDAQ::setPowerState(unsigned long state, IOService *device)
{
    if (state == kDAQPowerOn && fInterface != nullptr) {
        if (!fInterface->open(this)) {
            IOLog("CounterDAQ: reopen after wake failed\\n");
            return kIOPMAckImplied;
        }
        startReads();
    } else if (state == kDAQPowerOff) {
        stopReads();
        fInterface->close(this);
    }
    return kIOPMAckImplied;
}
\`\`\`

After wake, \`open()\` returns false. If I skip the reopen, the first \`fInPipe->io()\` fails with \`0xe00002c0\` (\`kIOReturnNoDevice\`). It works fine on Intel. What changed?`,
    replies: [
      {
        author: 'iokit_ines',
        ago: '1d',
        boosts: 6,
        body: `My guess is that the device is **re-enumerated** across sleep on those machines (the port loses power, so the device comes back as a new \`IOUSBHostDevice\` with new interface nubs). Your old instance is still attached to the old, terminated \`IOUSBHostInterface\` and still holds it open, so termination can't finish. Check with:

\`\`\`sh
ioreg -p IOService -lw0 -r -c CounterDAQ | grep -E 'CounterDAQ|!registered|inactive'
\`\`\`

If you see two instances, that's it. The fix is to close the provider when it goes away, not in your power code:

\`\`\`cpp
bool CounterDAQ::willTerminate(IOService *provider, IOOptionBits options)
{
    stopReads();                       // abort pipes, wait for completions
    if (fInterface != nullptr && fInterface->isOpen(this))
        fInterface->close(this);
    return super::willTerminate(provider, options);
}
\`\`\`

Also, don't close and reopen the interface on power changes. Keep it open for the lifetime of the instance, and just abort or restart I/O in \`setPowerState\`.`,
        comments: [
          {
            author: 'usb_wrangler',
            ago: '5h',
            body: 'Confirmed: `ioreg` showed two instances, one inactive. Closing in `willTerminate` and not touching open/close in `setPowerState` fixed it on all three lab machines.',
          },
        ],
      },
    ],
  },
  {
    title:
      'kdp-remote hangs at "Connecting" after a panic on macOS 26.1 (25B78), Apple Silicon target',
    tags: ['kernel'],
    author: 'panic_reader',
    ago: '3d',
    views: 388,
    boosts: 4,
    body: `Two-machine debugging setup that worked fine on 15.x:

- Target: Mac mini M2 Pro, macOS 26.1 (25B78), Reduced Security, matching KDK installed on the host.
- Host: MacBook Pro, same KDK, lldb from Xcode 26.1.
- Link: USB-C Ethernet adapter on the target, direct cable to the host.

Target setup:

\`\`\`sh
# on the target, after lowering security in recoveryOS
sudo nvram boot-args="debug=0x44 kdp_match_name=en7 wdt=-1 keepsyms=1"
sudo networksetup -setmanual "USB 10/100/1G/2.5G LAN" 10.0.7.2 255.255.255.0
sudo reboot

# after the reboot, force a panic
sudo dtrace -w -n 'BEGIN { panic(); }'
\`\`\`

The target sits at "waiting for debugger", and on the host:

\`\`\`text
% xcrun lldb /Library/Developer/KDKs/KDK_26.1_25B78.kdk/System/Library/Kernels/kernel.release.t6020
(lldb) target create "/Library/Developer/KDKs/KDK_26.1_25B78.kdk/System/Library/Kernels/kernel.release.t6020"
Current executable set to '.../kernel.release.t6020' (arm64e).
(lldb) kdp-remote 10.0.7.2
Connecting to remote KDP stub...
\`\`\`

…and that's it, forever. \`tcpdump\` on the host shows nothing arriving from the target. Did something change in 26.x?`,
    replies: [
      {
        author: 'mara_kdk',
        ago: '2d',
        accepted: true,
        boosts: 11,
        body: `Two things to check, in this order:

1. **The BSD name at boot.** \`kdp_match_name\` is matched when the debugger attaches to an interface early in boot, not when the panic happens. If the adapter enumerates in a different order (updates often shuffle this), \`en7\` may now be something else and KDP silently binds nothing. Compare \`networksetup -listallhardwareports\` with \`ifconfig\` **right after boot**.
2. **The adapter's chipset.** Only some Ethernet controllers are supported by the in-kernel debugger transport. Built-in Ethernet on the mini is the most reliable choice; if you need an adapter, pick one you've seen work before.

On the host, watch for the target's KDP traffic while it's waiting, and after the next boot check what the adapter is called on the target:

\`\`\`sh
# host, while the target waits for the debugger
sudo tcpdump -ni en9 udp port 41139

# target, right after boot
networksetup -listallhardwareports | grep -A1 'LAN'
ifconfig -l
\`\`\`

If nothing shows up, the target isn't transmitting, which points to (1) or (2) rather than lldb.`,
      },
      {
        author: 'panic_reader',
        ago: '11h',
        boosts: 3,
        body: `It was (1). After the update the adapter came up as \`en8\` because a Thunderbolt bridge interface now enumerates first. With \`kdp_match_name=en8\`, tcpdump shows packets and \`kdp-remote\` connects instantly. Now I pin the name in my setup notes after every update.`,
      },
    ],
  },
  {
    title: "fbt probes for my kext's functions don't show up in dtrace -l on arm64e",
    tags: ['kernel'],
    author: 'arm64_anya',
    ago: '20h',
    views: 37,
    body: `Quick one. On an M3 Mac with DTrace allowed (\`csrutil enable --without dtrace\` from recoveryOS), \`fbt\` works for kernel functions but finds nothing in my kext:

\`\`\`sh
% sudo dtrace -l -n 'fbt:com.example.netfilter::entry' | head -3
   ID   PROVIDER            MODULE                          FUNCTION NAME
dtrace: failed to match fbt:com.example.netfilter::entry: No probe matches description
% kmutil showloaded --list-only | grep netfilter
  212    0 0xfffffe0012ab4000 0x8000     0x8000     com.example.netfilter (1.4.2) ...
\`\`\`

The same kext on an Intel Mac shows ~300 probes. Is fbt instrumentation of third-party kexts not supported on arm64e, or do I need to build differently (I use \`-O2\`, no \`-fno-omit-frame-pointer\`)?`,
  },
  {
    title: 'lck_rw_lock_shared_to_exclusive returned FALSE — do I still hold the shared lock?',
    tags: ['kernel'],
    author: 'kext_keeper',
    ago: '6d',
    views: 421,
    boosts: 5,
    body: `I have a lookup table protected by an \`lck_rw_t\`. Lookups are far more common than inserts, so I take the lock shared and upgrade on a miss:

\`\`\`c
lck_rw_lock_shared(&tbl->lock);
entry = table_find(tbl, key);
if (entry == NULL) {
    if (!lck_rw_lock_shared_to_exclusive(&tbl->lock)) {
        /* upgrade failed, take it the slow way */
        lck_rw_lock_exclusive(&tbl->lock);
    }
    entry = table_insert(tbl, key);
    entry_retain(entry);
    lck_rw_unlock_exclusive(&tbl->lock);
} else {
    entry_retain(entry);
    lck_rw_unlock_shared(&tbl->lock);
}
\`\`\`

Under a stress test, I occasionally get **duplicate entries** for the same key. Nothing panics, so I don't think I'm taking the lock twice. What does a failed upgrade actually leave me holding?`,
    replies: [
      {
        author: 'mara_kdk',
        ago: '5d',
        accepted: true,
        boosts: 13,
        body: `When \`lck_rw_lock_shared_to_exclusive()\` returns \`FALSE\`, the shared hold has been **dropped**, so you hold nothing at all. That happens when another thread is already waiting to upgrade. Your fallback of taking the lock exclusive is correct, but there's a window between the drop and your exclusive acquire, and another thread can insert the same key in that window. That's your duplicate.

Always look up again after a failed upgrade:

\`\`\`c
if (entry == NULL) {
    if (!lck_rw_lock_shared_to_exclusive(&tbl->lock)) {
        lck_rw_lock_exclusive(&tbl->lock);
        entry = table_find(tbl, key);      /* world may have changed */
    }
    if (entry == NULL)
        entry = table_insert(tbl, key);
    entry_retain(entry);
    lck_rw_unlock_exclusive(&tbl->lock);
}
\`\`\`

The comment in \`osfmk/kern/lock_rw.h\` describes this; it's easy to miss.`,
        comments: [
          {
            author: 'kext_keeper',
            ago: '4d',
            body: 'That was it: 40 million iterations with no duplicates now. I had read the header as "upgrade failed, you still have shared".',
          },
        ],
      },
      {
        author: 'zone_allocator',
        ago: '1d',
        boosts: 2,
        body: `If misses are rare, you can also skip the upgrade completely: drop shared, take exclusive, look up again. It's the same number of lines, and nobody has to remember the "failed upgrade drops the lock" rule later. In our filter the difference didn't show up in any benchmark.`,
      },
    ],
  },
  {
    title: 'Right way to allocate a struct with pointers and a flexible array member in a kext?',
    tags: ['kernel'],
    author: 'zone_allocator',
    ago: '1w',
    views: 176,
    boosts: 2,
    body: `I'm cleaning up allocations in our kext to play nicely with kalloc.type isolation. Most structs moved to \`IOMallocType\` easily, but this one doesn't fit:

\`\`\`c
struct flow_batch {
    uint32_t         count;
    uint32_t         flags;
    struct flow     *owner;       /* pointer */
    lck_mtx_t       *lock;        /* pointer */
    uint8_t          payload[];   /* count * 64 bytes of packet data */
};

/* today: */
size_t sz = sizeof(struct flow_batch) + (size_t)count * 64;
struct flow_batch *b = IOMalloc(sz);
\`\`\`

- \`IOMallocType\` doesn't take a variable size.
- \`IOMallocData\` is for pure data, and this struct has pointers.

What's the intended pattern here?`,
    replies: [
      {
        author: 'arm64_anya',
        ago: '6d',
        boosts: 8,
        body: `Don't put pointer-bearing structs in the data heap. That undoes exactly the isolation you're trying to get. Split the allocation:

\`\`\`c
struct flow_batch {
    uint32_t         count;
    uint32_t         flags;
    struct flow     *owner;
    lck_mtx_t       *lock;
    uint8_t         *payload;     /* IOMallocData, count * 64 */
};

b = IOMallocType(struct flow_batch);
b->payload = IOMallocData((size_t)count * 64);
...
IOFreeData(b->payload, (size_t)b->count * 64);
IOFreeType(b, struct flow_batch);
\`\`\`

It costs one extra allocation and an extra pointer dereference. In return, a stray overflow in \`payload\` can't land on \`owner\` or \`lock\` anymore, and that's the point of the whole exercise.`,
      },
      {
        author: 'zone_allocator',
        ago: '2d',
        boosts: 1,
        body: `Done. No measurable throughput change. One gotcha for anyone else: \`IOFreeData\` needs the **same size** you allocated with, so I keep \`count\` immutable after allocation instead of recomputing it from the payload.`,
      },
    ],
  },
  {
    title:
      'Datagram sends fail with ENOBUFS while our content filter holds a flow: cfil_service_inject_queue and sosend_reinject',
    tags: ['kernel', 'network-extension'],
    author: 'mbuf_mike',
    ago: '3w',
    views: 2370,
    boosts: 11,
    body: `We ship a content filter (\`NEFilterDataProvider\`) that peeks at the first outbound datagram of some UDP flows to classify a proprietary protocol. With the filter enabled, a plain UDP sender starts getting \`ENOBUFS\` from \`sendto()\` after a few thousand datagrams. With the filter disabled, we see zero errors at ~200k datagrams/s.

The reproducer is attached as **dgramsend.c**. \`./dgramsend 10.0.0.5 9999 100000 64\` sends 100k 64-byte datagrams as fast as it can to a single destination and counts the errors by errno.

Results on an M2 Pro (macOS 26.1; identical on 15.6.1 (24G90)):

| filter | size | sent | ENOBUFS | first failure at |
|---|---|---|---|---|
| off | 64 | 100000 | 0 | n/a |
| on  | 64 | 100000 | 38412 | #2049 |
| on  | 1400 | 100000 | 35170 | #2049 |

\`dtruss\` around the first failure:

\`\`\`text
  PID/THRD  SYSCALL(args)                                           = return
 4121/0x3a1f:  sendto(0x3, 0x16B2F6E80, 0x40, 0x0, 0x16B2F6E60, 0x10)   = 64 0
 4121/0x3a1f:  sendto(0x3, 0x16B2F6E80, 0x40, 0x0, 0x16B2F6E60, 0x10)   = 64 0
 4121/0x3a1f:  sendto(0x3, 0x16B2F6E80, 0x40, 0x0, 0x16B2F6E60, 0x10)   = -1 Err#55
 4121/0x3a1f:  sendto(0x3, 0x16B2F6E80, 0x40, 0x0, 0x16B2F6E60, 0x10)   = -1 Err#55
\`\`\`

A spindump taken during the run shows the kernel side busy reinjecting:

\`\`\`text
  *12  cfil_action_data_pass + 412 (kernel.release.t6020 + 5221044)
    *12  cfil_service_inject_queue + 588 (kernel.release.t6020 + 5217700)
      *11  sosend_reinject + 236 (kernel.release.t6020 + 6310388)
        *11  udp_output + 1840 (kernel.release.t6020 + 6998112)
\`\`\`

The suspiciously round number (the 2049th datagram, no matter the size) makes me think there's a count-based limit on datagrams held while the flow waits for a verdict. Questions:

1. Is that limit documented or tunable?
2. What's the supported way to avoid this other than not peeking at UDP at all?
3. Should an app expect \`ENOBUFS\` from \`sendto()\` on a healthy network at all?`,
    attachments: [
      {
        name: 'dgramsend.c',
        content: `/*
 * dgramsend.c - blast UDP datagrams at one destination and count send errors.
 *
 * build: clang -O2 -Wall -o dgramsend dgramsend.c
 * usage: ./dgramsend <ipv4> <port> <count> <size> [sndbuf]
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static uint64_t now_ns(void)
{
    return clock_gettime_nsec_np(CLOCK_MONOTONIC_RAW);
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: %s <ipv4> <port> <count> <size> [sndbuf]\\n", argv[0]);
        return 2;
    }
    const char *host = argv[1];
    int port = atoi(argv[2]);
    long count = strtol(argv[3], NULL, 10);
    size_t size = (size_t)strtoul(argv[4], NULL, 10);
    int sndbuf = argc > 5 ? atoi(argv[5]) : 0;

    if (size < sizeof(long) || size > 65507) {
        fprintf(stderr, "size must be %zu..65507\\n", sizeof(long));
        return 2;
    }

    int fd = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    if (fd < 0) {
        perror("socket");
        return 1;
    }
    if (sndbuf > 0 &&
        setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof(sndbuf)) != 0)
        perror("setsockopt(SO_SNDBUF)");

    struct sockaddr_in dst;
    memset(&dst, 0, sizeof(dst));
    dst.sin_len = sizeof(dst);
    dst.sin_family = AF_INET;
    dst.sin_port = htons((uint16_t)port);
    if (inet_pton(AF_INET, host, &dst.sin_addr) != 1) {
        fprintf(stderr, "bad address %s\\n", host);
        return 2;
    }

    char *buf = malloc(size);
    if (buf == NULL) {
        perror("malloc");
        return 1;
    }

    long ok = 0, enobufs = 0, other = 0, first_enobufs = -1;
    uint64_t start = now_ns();
    for (long i = 0; i < count; i++) {
        memset(buf, (int)(i & 0xff), size);
        memcpy(buf, &i, sizeof(i));          /* sequence number up front */
        ssize_t n = sendto(fd, buf, size, 0,
                           (const struct sockaddr *)&dst, sizeof(dst));
        if (n == (ssize_t)size) {
            ok++;
        } else if (n < 0 && errno == ENOBUFS) {
            if (first_enobufs < 0)
                first_enobufs = i + 1;
            enobufs++;
        } else {
            other++;
            if (other <= 5)
                fprintf(stderr, "sendto #%ld: %s\\n", i + 1, strerror(errno));
        }
    }
    double secs = (double)(now_ns() - start) / 1e9;

    printf("sent=%ld ok=%ld enobufs=%ld other=%ld first_enobufs_at=%ld\\n",
           count, ok, enobufs, other, first_enobufs);
    printf("elapsed=%.3fs rate=%.0f dgram/s\\n", secs, (double)count / secs);

    free(buf);
    close(fd);
    return enobufs > 0 ? 3 : 0;
}
`,
      },
    ],
    replies: [
      {
        author: 'lena_netext',
        ago: '20d',
        boosts: 3,
        body: `What verdict do you return from \`handleNewFlow\` for these flows? If it's \`filterDataVerdict(withFilterInbound:peekInboundBytes:filterOutbound:peekOutboundBytes:)\` with outbound filtering on, every outbound datagram waits in the kernel until your provider passes it. If the provider falls behind, something has to give.`,
      },
      {
        author: 'mbuf_mike',
        ago: '19d',
        boosts: 1,
        body: `Yes, that's what we do. Simplified:

\`\`\`swift
override func handleNewFlow(_ flow: NEFilterFlow) -> NEFilterNewFlowVerdict {
    guard let udp = flow as? NEFilterSocketFlow,
          udp.socketProtocol == IPPROTO_UDP,
          classifier.wantsInspection(udp) else {
        return .allow()
    }
    return .filterDataVerdict(withFilterInbound: false,
                              peekInboundBytes: 0,
                              filterOutbound: true,
                              peekOutboundBytes: 1024)
}

override func handleOutboundData(from flow: NEFilterFlow,
                                 readBytesStartOffset offset: Int,
                                 readBytes: Data) -> NEFilterDataVerdict {
    classifier.feed(flow, readBytes)
    return classifier.isDecided(flow) ? .allow() : .needRules()
}
\`\`\`

\`needRules\` is there because classification sometimes needs a rule update from the app. In the repro, it's always \`allow\` after the first datagram.`,
      },
      {
        author: 'tcp_tinkerer',
        ago: '18d',
        boosts: 0,
        body: `Does the sender in the repro use the same 4-tuple for the whole run? With unconnected UDP sockets, a new destination is a new flow from the filter's point of view. If you vary the destination, you pay the verdict latency again for every flow.`,
      },
      {
        author: 'quinn_dts',
        ago: '16d',
        boosts: 14,
        body: `Some background on what you're seeing.

While a flow is waiting for a verdict on outbound data, the kernel side of the content filter keeps those datagrams on a per-flow pending queue. Once your provider passes the data, \`cfil_service_inject_queue\` walks that queue and hands each datagram back to the stack through \`sosend_reinject\`. That's the frame you see in your spindump.

The pending queue is bounded. When it's full, new outbound data on that socket is refused, and the sender sees \`ENOBUFS\`. So the errors aren't caused by the reinjection itself; they happen because the queue filled up **before** the verdict arrived. That's why the failure point doesn't depend on the datagram size.

Things that help, most effective first:

1. Decide as early as possible. If the first datagram is enough to classify, return \`.allow()\` from \`handleOutboundData\` right away. Going through \`.needRules()\` adds a round trip to your app.
2. Only ask to filter outbound data on flows that actually need it (you already do this).
3. Treat \`ENOBUFS\` on a datagram socket as transient in the app.

If you think the limit itself is too low for your product, please file a bug with the reproducer and post the FB number here.`,
        comments: [
          {
            author: 'mbuf_mike',
            ago: '15d',
            body: 'Thanks, that matches the numbers. So the 2049 is queue limit + 1 datagram already handed to us.',
          },
        ],
      },
      {
        author: 'mbuf_mike',
        ago: '15d',
        boosts: 2,
        body: `Filed **FB15820447** with dgramsend.c and a sysdiagnose attached.

As a test, I returned \`.allow()\` from \`handleNewFlow\` for the repro flow and the \`ENOBUFS\` errors disappear completely. That confirms it's the pending queue, but we can't ship that: some of these flows really do need inspecting.`,
      },
      {
        author: 'lena_netext',
        ago: '13d',
        boosts: 5,
        body: `What worked for us in a similar case (QUIC-ish protocol): peek a **small** outbound window, decide from the first datagram, and never return \`.needRules()\` on the data path. If the app doesn't have the rules yet, allow and record the flow, then drop it later via a new rule for the *next* flow. You lose enforcement on the first flow, but the data path stays fast.

\`\`\`swift
override func handleOutboundData(from flow: NEFilterFlow,
                                 readBytesStartOffset offset: Int,
                                 readBytes: Data) -> NEFilterDataVerdict {
    switch classifier.classify(flow, first: readBytes) {
    case .block:   return .drop()
    case .allow:   return .allow()
    case .unknown:
        pendingReport.append(flow.identifier)   // tell the app later, off the data path
        return .allow()
    }
}
\`\`\``,
      },
      {
        author: 'mbuf_mike',
        ago: '12d',
        boosts: 0,
        body: `For completeness, I also tried a bigger send buffer (\`./dgramsend 10.0.0.5 9999 100000 64 262144\`). It made no difference: still 2049. So the socket buffer isn't involved, which fits Quinn's explanation.`,
      },
      {
        author: 'mara_kdk',
        ago: '10d',
        boosts: 6,
        body: `Right, \`SO_SNDBUF\` doesn't apply here. For datagram sockets there's no real send buffer to fill in the usual case; data goes straight down to the interface. The bound on the content filter pending queue counts held datagrams, not bytes, so 64-byte and 1400-byte datagrams hit it at the same point.

One more thing to measure: how long your provider takes for the first datagram (from \`handleNewFlow\` to the first \`.allow()\`). If that's more than a few hundred microseconds at this send rate, you'll always fill the queue, whatever the limit is.`,
      },
      {
        author: 'mbuf_mike',
        ago: '9d',
        boosts: 1,
        body: `Measured it with signposts:

\`\`\`text
handleNewFlow -> first handleOutboundData      p50  180 µs   p99  1.9 ms
handleOutboundData -> verdict returned         p50   40 µs   p99  0.6 ms
verdict -> first reinjected datagram on wire   p50   70 µs   p99  0.4 ms
\`\`\`

At ~200k datagrams/s, a p99 of ~3 ms is 600 datagrams, and a slow flow start can easily be 10 ms. So yes, we fill the queue during warm-up.`,
      },
      {
        author: 'tcp_tinkerer',
        ago: '7d',
        boosts: 4,
        body: `On question 3: yes, apps should expect \`ENOBUFS\` on UDP, filter or not (busy Wi-Fi drivers return it too). A bounded retry with backoff is the usual approach:

\`\`\`c
static ssize_t
send_dgram(int fd, const void *buf, size_t len,
           const struct sockaddr *to, socklen_t tolen)
{
    useconds_t delay = 50;
    for (int attempt = 0; attempt < 6; attempt++) {
        ssize_t n = sendto(fd, buf, len, 0, to, tolen);
        if (n >= 0 || errno != ENOBUFS)
            return n;
        usleep(delay);
        delay *= 2;                 /* 50, 100, 200 ... 1600 µs */
    }
    errno = ENOBUFS;
    return -1;
}
\`\`\`

QUIC stacks generally treat it as a congestion signal and slow down, which is the right reaction here too.`,
      },
      {
        author: 'quinn_dts',
        ago: '5d',
        accepted: true,
        boosts: 12,
        body: `To sum up this thread for future readers:

- **Cause:** the content filter's per-flow pending queue for outbound datagrams fills while the flow is waiting for a verdict. New data is then refused with \`ENOBUFS\`. Reinjection (\`cfil_service_inject_queue\` → \`sosend_reinject\`) only happens after the verdict.
- **Limit:** it counts datagrams, not bytes, and isn't a supported tunable. FB15820447 is with the right team.
- **Mitigations:** decide from the first datagram; avoid \`.needRules()\` on the data path; filter outbound data only where you need to; have apps treat \`ENOBUFS\` on UDP as transient.

This is working as designed right now. If the bug gets a change, I'll post here.`,
        comments: [
          {
            author: 'lena_netext',
            ago: '4d',
            body: 'Bookmarking this. The "counts datagrams, not bytes" part explains a bug report we closed as "cannot reproduce" last year.',
          },
        ],
      },
      {
        author: 'mbuf_mike',
        ago: '3d',
        boosts: 2,
        body: `Update: we shipped the "decide from the first datagram, never \`needRules\` on the data path" change. The customer's telemetry went from ~9% of UDP flows seeing at least one \`ENOBUFS\` to under 0.2%. I retested the repro on macOS 26.2 (25C56), same 2049 limit, as expected. Thanks everyone.`,
      },
    ],
  },
  {
    title: 'Is it ever legal to call vnode_put on the lower vnode from vnop_reclaim?',
    tags: ['kernel'],
    author: 'fskit_fan',
    ago: '2w',
    views: 133,
    boosts: 1,
    body: `While we port to FSKit we still maintain a small overlay (stacking) file system kext. Each of our nodes keeps a pointer to the lower vnode. In reclaim we do:

\`\`\`c
static int
ovl_vnop_reclaim(struct vnop_reclaim_args *ap)
{
    vnode_t vp = ap->a_vp;
    struct ovl_node *np = VTOOVL(vp);

    if (np->lower_vp != NULLVP) {
        vnode_put(np->lower_vp);      /* drop the ref we took in lookup */
        np->lower_vp = NULLVP;
    }
    vnode_removefsref(vp);
    vnode_clearfsnode(vp);
    ovl_node_free(np);
    return 0;
}
\`\`\`

Every now and then, under memory pressure, we get:

\`\`\`text
panic(cpu 3 caller 0xfffffe001f2c81d0): vnode_put(0xfffffe1b4c9e2a00): iocount < 0 @vfs_subr.c:4718
\`\`\`

The \`vnode_put\` in lookup and the one here should balance, so what's wrong?`,
    replies: [
      {
        author: 'vfs_hacker',
        ago: '10d',
        boosts: 7,
        body: `You're holding the wrong *kind* of reference. An iocount (\`vnode_get\`/\`vnode_put\`) is a short-term reference for the duration of an operation. It must not outlive the VNOP that took it. A long-lived reference from your node to the lower vnode has to be a **usecount**:

\`\`\`c
/* in lookup, while you hold an iocount on lvp from VNOP_LOOKUP */
error = vnode_ref(lvp);           /* long-lived usecount for the node */
np->lower_vp = lvp;
vnode_put(lvp);                   /* drop the iocount now */

/* whenever you need to use lower_vp in a VNOP */
if ((error = vnode_getwithref(np->lower_vp)) != 0)
    return error;
error = VNOP_READ(np->lower_vp, uio, ioflag, ctx);
vnode_put(np->lower_vp);

/* in reclaim */
vnode_rele(np->lower_vp);
\`\`\`

Your current code "works" until the lower vnode's iocount gets to zero through some other path, and then your reclaim takes it negative.`,
        comments: [
          {
            author: 'fskit_fan',
            ago: '4d',
            body: 'Switched to `vnode_ref`/`vnode_rele` plus `vnode_getwithref` around each use. A 72-hour memory pressure soak finished without a panic. Thanks.',
          },
        ],
      },
    ],
  },
  {
    title: 'mbuf_tag_allocate returns EINVAL with a tag id from mbuf_tag_id_find',
    tags: ['kernel'],
    author: 'lena_netext',
    ago: '6d',
    views: 58,
    boosts: 0,
    body: `In a socket filter I want to mark outbound data so my IP filter can recognize it later. Setup at start:

\`\`\`c
static mbuf_tag_id_t g_tag_id;

errno_t
pktmark_init(void)
{
    return mbuf_tag_id_find("com.example.pktmark", &g_tag_id);   /* returns 0 */
}
\`\`\`

And in \`sf_data_out\`:

\`\`\`c
struct pkt_mark *mark = NULL;
errno_t err = mbuf_tag_allocate(*data, g_tag_id, PKT_MARK_TYPE,
                                sizeof(*mark), MBUF_DONTWAIT, (void **)&mark);
if (err != 0)
    printf("pktmark: tag_allocate failed %d\\n", err);    /* prints 22 */
\`\`\`

The exact same call works from my \`ipf_output\` callback. Only the socket filter path fails, and only for TCP sockets. Any idea what's different about the mbuf there?`,
  },
  {
    title: 'When is it safe to release my IOWorkLoop and IOTimerEventSource during termination?',
    tags: ['kernel', 'iokit'],
    author: 'iokit_ines',
    ago: '5w',
    views: 512,
    boosts: 6,
    body: `Our kext drives a PCIe capture card in a Thunderbolt chassis. Intel Mac Pros only, which is why it's still a kext. When the chassis is unplugged while capturing, we sometimes panic in our timer action *after* termination has started. Structure:

\`\`\`cpp
bool CaptureDriver::start(IOService *provider)
{
    if (!super::start(provider))
        return false;
    fWorkLoop = IOWorkLoop::workLoop();
    fTimer = IOTimerEventSource::timerEventSource(this,
        OSMemberFunctionCast(IOTimerEventSource::Action, this, &CaptureDriver::pollTimer));
    if (fWorkLoop == nullptr || fTimer == nullptr ||
        fWorkLoop->addEventSource(fTimer) != kIOReturnSuccess)
        return false;
    fTimer->setTimeoutMS(10);
    registerService();
    return true;
}

void CaptureDriver::free()
{
    if (fTimer != nullptr) {
        fTimer->cancelTimeout();
        fWorkLoop->removeEventSource(fTimer);
        fTimer->release();
    }
    OSSafeReleaseNULL(fWorkLoop);
    super::free();
}
\`\`\`

\`pollTimer\` reads a BAR register and re-arms itself with \`setTimeoutMS(10)\`. The panic:

\`\`\`text
panic(cpu 6 caller 0xffffff8012a4c6f1): Kernel trap at 0xffffff7f9b43e2a8, type 14=page fault, registers:
CR0: 0x0000000080010033, CR2: 0xffffff81a2c0e010, CR3: 0x000000002d4f1000, CR4: 0x00000000003626e0
Backtrace (CPU 6), Frame : Return Address
0xffffffa0c4a3bd40 : 0xffffff80128e6a0d mach_kernel : _handle_debugger_trap + 0x4ad
0xffffffa0c4a3bf40 : 0xffffff7f9b43e2a8 com.example.capture : __ZN13CaptureDriver9pollTimerEP18IOTimerEventSource + 0x38
0xffffffa0c4a3bf70 : 0xffffff8012fb2c5e mach_kernel : __ZN18IOTimerEventSource15timeoutSignaledEPvS0_ + 0x8e
\`\`\`

CR2 is inside the BAR mapping, so the timer fired after the device mapping went away. Where in the termination sequence should the timer be cancelled and removed? Is \`free()\` simply too late?`,
    replies: [
      {
        author: 'driverkit_dan',
        ago: '4w',
        boosts: 5,
        body: `\`free()\` is much too late. It runs when the last retain goes away, which can be long after your provider is gone (or never, if you leak a retain). The rough order on unplug is:

1. \`willTerminate()\`: your provider is going away; stop starting new work.
2. \`didTerminate()\`: your clients have closed; finish or abort outstanding work.
3. \`stop()\`: undo everything \`start()\` did.
4. \`detach()\`, then eventually \`free()\`.

Your BAR mapping is gone by the end of (3) at the latest, but your timer is still armed until (4). Move the teardown into \`stop()\`.`,
      },
      {
        author: 'quinn_dts',
        ago: '1w',
        accepted: true,
        boosts: 10,
        body: `To add to what Dan said: the ordering inside the teardown matters too, because \`pollTimer\` re-arms itself. \`cancelTimeout()\` alone can race with an action that is running and about to call \`setTimeoutMS\` again.

\`\`\`cpp
void CaptureDriver::stop(IOService *provider)
{
    if (fTimer != nullptr) {
        fTimer->disable();                       // no more actions will be dispatched
        fTimer->cancelTimeout();
        fWorkLoop->removeEventSource(fTimer);    // waits for a running action to finish
    }
    OSSafeReleaseNULL(fBARMap);
    super::stop(provider);
}

void CaptureDriver::pollTimer(IOTimerEventSource *sender)
{
    if (isInactive())
        return;                                  // terminating: don't touch hardware, don't re-arm
    uint32_t status = fBARMap ? readStatus() : 0;
    handleStatus(status);
    sender->setTimeoutMS(10);
}
\`\`\`

Keep only the \`release()\` calls in \`free()\`. The [IOKit Fundamentals lifecycle chapter](https://developer.apple.com/library/archive/documentation/DeviceDrivers/Conceptual/IOKitFundamentals/) is old, but this part still holds.`,
      },
    ],
  },
  {
    title: 'Can our installer turn off SIP so customers can load our unsigned kext?',
    tags: ['kernel'],
    author: 'newbie_ned',
    ago: '6w',
    views: 689,
    boosts: 0,
    locked: true,
    body: `We have an old kext from a vendor we acquired. We don't have a Developer ID with kext signing, and getting one will take a while. Is there a way for our \`.pkg\` postinstall script to run \`csrutil disable\` (or set the equivalent NVRAM variable) so the kext loads on customer Macs? We could ask users for their admin password.`,
    replies: [
      {
        author: 'quinn_dts',
        ago: '4w',
        boosts: 8,
        body: `No. That's by design, not a missing feature:

- SIP configuration can only be changed from recoveryOS, by a person at the machine. \`csrutil\` in the normal OS refuses, and the underlying state isn't writable from macOS, even as root.
- On Apple Silicon, loading any third-party kext also requires the user to lower the security policy in Startup Security Utility, and then approve the kext.
- Kexts that ship to customers must be signed with a Developer ID certificate that has kext signing enabled, and they must be notarized.

The supported paths are to request kext signing for your team, or (much better) replace the kext with a DriverKit or System Extension equivalent. See [System Extensions and DriverKit](https://developer.apple.com/system-extensions/).`,
      },
      {
        author: 'forum_admin',
        ago: '2w',
        boosts: 3,
        body: `Locking this thread. Quinn's answer covers the supported options, and follow-ups asking for ways to weaken security settings on customer machines are off-topic under the forum guidelines. If you have questions about porting the kext to DriverKit, please start a new thread.`,
      },
    ],
  },
  {
    title:
      "kmutil: 'Authenticating extension failed: Bad code signature' only on the notarized installer build",
    tags: ['kernel'],
    author: 'kext_keeper',
    ago: '2mo',
    views: 804,
    boosts: 4,
    body: `Our kext loads fine from the Xcode build folder on a test Mac. When the same Mac installs it from our notarized \`.pkg\`, loading fails:

\`\`\`sh
% sudo kmutil load -p /Library/Extensions/AcmeFS.kext
Error Domain=KMErrorDomain Code=27 "Authenticating extension failed: Bad code signature"
  UserInfo={NSLocalizedDescription=Authenticating extension failed: Bad code signature}
\`\`\`

What I checked:

\`\`\`text
% codesign -dvv /Library/Extensions/AcmeFS.kext
Executable=/Library/Extensions/AcmeFS.kext/Contents/MacOS/AcmeFS
Identifier=com.acme.fs
Format=bundle with Mach-O universal (x86_64 arm64e)
Authority=Developer ID Application: Acme Storage Inc. (Q7X2K9M4PL)
Authority=Developer ID Certification Authority
Authority=Apple Root CA
TeamIdentifier=Q7X2K9M4PL
% stapler validate AcmeFS.pkg
The validate action worked!
\`\`\`

The certificate has kext signing enabled (the Xcode build uses the same identity). What else can differ between the two copies?`,
    replies: [
      {
        author: 'quinn_dts',
        ago: '7w',
        accepted: true,
        boosts: 9,
        body: `\`codesign -d\` only *displays* the signature; it doesn't check it. Verify the installed copy strictly:

\`\`\`sh
codesign --verify --strict --deep -vvvv /Library/Extensions/AcmeFS.kext
\`\`\`

If that reports \`a sealed resource is missing or invalid\` or \`file modified\`, something changed the bundle **after** signing. Common culprits:

1. A \`postinstall\` script editing \`Info.plist\` (license keys, server URLs, version stamps).
2. An installer step that strips or adds files inside \`Contents/Resources\`.
3. \`ditto\` or \`cp\` without preserving extended attributes when the kext is copied into place.

Anything configurable belongs outside the bundle, for example in \`/Library/Preferences\` or in a plist your daemon reads and passes in through a user client.`,
      },
      {
        author: 'kext_keeper',
        ago: '3w',
        boosts: 2,
        body: `Found it, (1) exactly. Our \`postinstall\` ran \`PlistBuddy -c "Set :AcmeLicenseServer ..."\` on the kext's \`Info.plist\`. Strict verification showed \`file modified: .../Contents/Info.plist\`. We moved the setting to \`/Library/Preferences/com.acme.fs.plist\`, and the daemon now pushes it to the kext at startup. It loads from the installer now.`,
      },
    ],
  },
  {
    title:
      "Our kext's wired buffer cache pushes Macs into jetsam storms — can a kext react to memory pressure?",
    tags: ['kernel'],
    author: 'sandbox_sam',
    ago: '10w',
    views: 266,
    boosts: 3,
    body: `Our scanning kext keeps a cache of file blocks in wired memory (\`IOMallocData\`) so it doesn't reread hot files. On 8 GB machines, a big scan grows the cache to 1.5 GB or more, and then user apps start dying:

\`\`\`text
kernel: memorystatus: killing_idle_process pid 731 [photoanalysisd] (vm-pageshortage 4) 61248KB - memorystatus_available_pages: 3120
kernel: memorystatus: killing_specific_process pid 2210 [Slack Helper (Renderer)] (vm-pageshortage 1) 412992KB - memorystatus_available_pages: 2984
kernel: memorystatus: killing_specific_process pid 1877 [Safari Web Content] (vm-pageshortage 1) 288112KB - memorystatus_available_pages: 2871
\`\`\`

\`vm_stat\` shows "Pages wired down" climbing in step with our cache. Is there a KPI a kext can use to get told about memory pressure so we can shrink? I couldn't find one in the [Kernel framework docs](https://developer.apple.com/documentation/kernel).`,
    replies: [
      {
        author: 'vfs_hacker',
        ago: '4w',
        boosts: 7,
        body: `There isn't a public KPI for that, and wired memory is the worst case for the VM system: it can't page it out or compress it, so jetsam goes after user processes instead. Two changes I'd make:

1. **Cap the cache** at a small fraction of \`max_mem\` (and lower on machines with 8 GB). An unbounded wired cache will always hurt someone.
2. **Let user space tell you.** Your daemon can observe pressure with a dispatch source and tell the kext to trim, via a sysctl or your existing user client:

\`\`\`swift
let pressure = DispatchSource.makeMemoryPressureSource(eventMask: [.warning, .critical],
                                                       queue: .global(qos: .utility))
pressure.setEventHandler {
    var pct: UInt32 = pressure.data.contains(.critical) ? 0 : 25
    let rc = sysctlbyname("kern.acmescan.cache_target_pct", nil, nil,
                          &pct, MemoryLayout<UInt32>.size)
    if rc != 0 {
        logger.error("cache trim request failed: \\(errno)")
    }
}
pressure.activate()
\`\`\`

Honestly, though, a page cache is the file system's job. Reading through the UBC (or just with normal reads from the daemon) gives you caching that the VM system can reclaim.`,
      },
    ],
  },
  {
    title: 'Read this before posting a kernel panic: symbolication, KDKs and what to include',
    tags: ['kernel'],
    author: 'quinn_dts',
    ago: '19mo',
    views: 2584,
    boosts: 12,
    pinned: true,
    body: `Panic threads get answered much faster when they include the right information up front. Please read this before posting.

## What to include

1. **The full panic log as text**, not a screenshot or a photo. If it's long, attach it as a \`.txt\` file and quote the interesting part in the post.
2. **The exact OS build**, for example \`macOS 14.5 (23F79)\`, not just "Sonoma". Symbols depend on the build.
3. **The hardware**: model identifier and whether it's Apple silicon or Intel.
4. **Your kext's version and load address**, from the "Kernel Extensions in backtrace" section.
5. **What the machine was doing** and how often it happens. "Once in three weeks" and "every time I eject the disk" are very different bugs.

## Where to find the log

Panic reports live in \`/Library/Logs/DiagnosticReports/\` with a \`.panic\` extension. Console shows them under *Crash Reports*. The file is JSON: a one-line header followed by the report body. The text you want is the \`panicString\` field.

## Symbolicating

Download the Kernel Debug Kit (KDK) that matches the **exact build** from [Apple Developer downloads](https://developer.apple.com/download/all/?q=Kernel%20Debug%20Kit). Then:

\`\`\`sh
# your own kext: the load address comes from "Kernel Extensions in backtrace"
atos -arch arm64e \\
     -o MyDriver.kext.dSYM/Contents/Resources/DWARF/MyDriver \\
     -l 0xfffffe0015d54000 \\
     0xfffffe0015d5a3c8 0xfffffe0015d59e10

# kernel frames: load the KDK kernel with the slide from the panic header
lldb /Library/Developer/KDKs/KDK_14.5_23F79.kdk/System/Library/Kernels/kernel.release.t6000
(lldb) target modules load --file kernel.release.t6000 --slide 0x000000000f5c8000
(lldb) image lookup -a 0xfffffe0016a1c3a4
\`\`\`

On Apple silicon, pick the kernel variant that matches the SoC named in the panic's \`Kernel version\` line (\`RELEASE_ARM64_T6000\` means \`kernel.release.t6000\`).

## The parts of the header we look at

\`\`\`text
panic(cpu 2 caller 0xfffffe0016a1c3a4): <the panic string - the most important line>
OS version: 23F79
Kernel version: Darwin Kernel Version 23.5.0: ...; root:xnu-10063.121.3~5/RELEASE_ARM64_T6000
Kernel slide:      0x000000000f5c8000
Kernel text base:  0xfffffe00165cc000
Panicked task 0xfffffe1a2b3c4d50: 1423 pages, 12 threads: pid 512: mydaemon
Panicked thread: 0xfffffe1a2c4e8f00, backtrace: 0xfffffe6d2e5c3520, tid: 19844
      lr: 0xfffffe0016a1c3a4  fp: 0xfffffe6d2e5c3590
      ...
      Kernel Extensions in backtrace:
         com.example.driver(1.2)[6A3C...]@0xfffffe0015d54000->0xfffffe0015d5ffff
\`\`\`

## Etiquette

- Remove user names and host names if you need to, but don't "clean up" addresses. We need them.
- One panic per thread, please. If you have several different panic strings, they're probably different bugs.
- If you've filed a bug, post the FB number.

More background is in the [Kernel documentation](https://developer.apple.com/documentation/kernel).`,
    replies: [
      {
        author: 'mara_kdk',
        ago: '18mo',
        boosts: 15,
        body: `A few Apple silicon specifics to add:

- Kernel addresses there start with \`0xfffffe00…\`; on Intel they start with \`0xffffff80…\`. If someone's backtrace mixes the two, the log was edited.
- Getting the panic string out of a \`.panic\` file without opening it in an editor:

\`\`\`sh
tail -n +2 /Library/Logs/DiagnosticReports/panic-full-2024-06-03-101512.0002.panic \\
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["panicString"])'
\`\`\`

- If the backtrace contains frames from your kext but \`atos\` gives nonsense, check that the dSYM matches the binary: \`dwarfdump --uuid\` on both, and compare with the UUID in the "Kernel Extensions in backtrace" line.`,
      },
      {
        author: 'panic_reader',
        ago: '17mo',
        boosts: 6,
        body: `Thanks, this is going in our team wiki. One more tip from our side: keep dSYMs for **every** build you ship, indexed by UUID. Half of our "unsymbolicatable" panics last year came from a customer running a hotfix build nobody had kept symbols for.`,
      },
    ],
  },
  {
    title:
      '"Recursive exclusive lock attempt" panic in apfs_io_lock_exclusive when my stacking file system writes to the lower vnode',
    tags: ['kernel'],
    author: 'vfs_hacker',
    ago: '7mo',
    views: 1849,
    boosts: 9,
    body: `I maintain an accounting/quota overlay file system (a classic stacking kext: every upper vnode wraps an APFS lower vnode). Since we added \`mmap\` support, one customer's build farm panics a few times a week. The full log is attached as **panic-full.txt**; here is the interesting part (Mac Studio M2 Ultra, macOS 15.5 (24F74)), symbolicated with the KDK:

\`\`\`text
panic(cpu 4 caller 0xfffffe002a1f87c4): lck_rw_lock_exclusive: Recursive exclusive lock attempt:
  lock 0xfffffe2b11e07a48, owner thread 0xfffffe2a6d1c8f38, current thread 0xfffffe2a6d1c8f38 @lock_rw.c:1217

  lck_rw_lock_exclusive_check_contended + 0x1c8
  apfs_io_lock_exclusive + 0x5c                 (com.apple.filesystems.apfs)
  apfs_vnop_read + 0x3d0                        (com.apple.filesystems.apfs)
  VNOP_READ + 0x84
  ovl_vnop_pagein + 0x1e4                       (com.example.ovlfs)
  vnode_pagein + 0x218
  vnode_pager_cluster_read + 0x70
  vm_fault_page + 0x9c4
  vm_fault_internal + 0x8d0
  copyin + 0x4c
  uiomove64 + 0x158
  cluster_write_copy + 0x7e0
  apfs_vnop_write + 0x6f4                       (com.apple.filesystems.apfs)
  VNOP_WRITE + 0x84
  ovl_vnop_write + 0x1b0                        (com.example.ovlfs)
  vn_write + 0x1f0
\`\`\`

So: a \`write()\` into our upper file → we call \`VNOP_WRITE\` on the lower APFS vnode → APFS takes its io lock exclusively → copying in the user's buffer faults → the faulting page belongs to a mapping of **the same upper file** → our \`vnop_pagein\` → \`VNOP_READ\` on the same lower vnode → APFS tries to take the io lock again → panic.

The tool that triggers it does roughly \`p = mmap(fd); ... write(fd, p + off, len)\`, copying one part of a file to another part of the same file. Our write path is basically:

\`\`\`c
static int
ovl_vnop_write(struct vnop_write_args *ap)
{
    vnode_t lvp = VTOOVL(ap->a_vp)->lower_vp;
    int error;

    if ((error = vnode_getwithref(lvp)) != 0)
        return error;
    error = VNOP_WRITE(lvp, ap->a_uio, ap->a_ioflag, ap->a_context);  /* user uio passed straight down */
    ovl_account_write(ap->a_vp, ap->a_uio);
    vnode_put(lvp);
    return error;
}
\`\`\`

The same operation directly on APFS doesn't panic, so APFS clearly handles the self-mapped case for its own vnodes. What's the correct way for a stacking file system to avoid this? Do I need to detect that the user buffer is mapped from the same file?`,
    attachments: [
      {
        name: 'panic-full.txt',
        content: `panic(cpu 4 caller 0xfffffe002a1f87c4): lck_rw_lock_exclusive: Recursive exclusive lock attempt: lock 0xfffffe2b11e07a48, owner thread 0xfffffe2a6d1c8f38, current thread 0xfffffe2a6d1c8f38 @lock_rw.c:1217
Debugger message: panic
Memory ID: 0x6
OS release type: User
OS version: 24F74
Kernel version: Darwin Kernel Version 24.5.0: Tue Apr 22 19:48:46 PDT 2025; root:xnu-11417.121.6~2/RELEASE_ARM64_T6020
Fileset Kernelcache UUID: 3E0A7C51D9B24F8E8A61C0F4B2D7E915
Kernel UUID: 9B47D2E0-6C13-3F5A-A8E2-51D0C7B4F362
Boot session UUID: 0C5E8A1F-7B42-4D93-9E61-2A8F3C7D5B10
iBoot version: iBoot-11881.121.1
secure boot?: YES
roots installed: 0
Paniclog version: 14
KernelCache slide: 0x0000000021a84000
KernelCache base:  0xfffffe0028a88000
Kernel slide:      0x0000000021a8c000
Kernel text base:  0xfffffe0028a90000
Kernel text exec slide: 0x0000000022d44000
Kernel text exec base:  0xfffffe0029d48000
mach_absolute_time: 0x2f8c41a7e3
Epoch Time:        sec       usec
  Boot    : 0x6838c2a1 0x0004b1e2
  Sleep   : 0x00000000 0x00000000
  Wake    : 0x00000000 0x00000000
  Calendar: 0x6839f5d7 0x000a73c0

Zone info:
  Zone map: 0xfffffe10137a4000 - 0xfffffe30137a4000
  . VM    : 0xfffffe10137a4000 - 0xfffffe14e0470000
  . RO    : 0xfffffe14e0470000 - 0xfffffe1679e08000
  . GEN0  : 0xfffffe1679e08000 - 0xfffffe1b46ad4000
  . GEN1  : 0xfffffe1b46ad4000 - 0xfffffe20137a0000
  . GEN2  : 0xfffffe20137a0000 - 0xfffffe24e046c000
  . GEN3  : 0xfffffe24e046c000 - 0xfffffe29ad138000
  . DATA  : 0xfffffe29ad138000 - 0xfffffe30137a4000
  Metadata: 0xfffffe70a1e3c000 - 0xfffffe70a9e3c000
  Bitmaps : 0xfffffe70a9e3c000 - 0xfffffe70b0a1c000
  Extra   : 0 - 0

CORE 0 recently retired instr at 0xfffffe0029ebf1a8
CORE 1 recently retired instr at 0xfffffe0029ebf1a8
CORE 2 recently retired instr at 0xfffffe0029ebf1a8
CORE 3 recently retired instr at 0xfffffe0029ebf1a8
CORE 4 recently retired instr at 0xfffffe0029ec2b84
CORE 5 recently retired instr at 0xfffffe0029ebf1a8
TPIDRx_ELy = {1: 0xfffffe2a6d1c8f38  0: 0x0000000000000004  0ro: 0x00000001f2c4d0e0 }
CORE 4 is the one that panicked. Check the full backtrace for details.
Compressor Info: 3% of compressed pages limit (OK) and 2% of segments limit (OK) with 0 swapfiles and OK swap space
Panicked task 0xfffffe24f1c3a6e8: 18734 pages, 9 threads: pid 48211: blobpatch
Panicked thread: 0xfffffe2a6d1c8f38, backtrace: 0xfffffea6f21b3140, tid: 3817420
\t\t  lr: 0xfffffe0029d9c4a0  fp: 0xfffffea6f21b31d0
\t\t  lr: 0xfffffe0029ebfe54  fp: 0xfffffea6f21b3240
\t\t  lr: 0xfffffe0029ebe5c8  fp: 0xfffffea6f21b32b0
\t\t  lr: 0xfffffe0029d4fa18  fp: 0xfffffea6f21b32c0
\t\t  lr: 0xfffffe0029d9bd80  fp: 0xfffffea6f21b3670
\t\t  lr: 0xfffffe002a4c0d2c  fp: 0xfffffea6f21b3690
\t\t  lr: 0xfffffe002a1f87c4  fp: 0xfffffea6f21b3700
\t\t  lr: 0xfffffe002a1f7e4c  fp: 0xfffffea6f21b3760
\t\t  lr: 0xfffffe002b6a4f9c  fp: 0xfffffea6f21b3790
\t\t  lr: 0xfffffe002b6d12f0  fp: 0xfffffea6f21b3860
\t\t  lr: 0xfffffe002a0b5e64  fp: 0xfffffea6f21b38a0
\t\t  lr: 0xfffffe002c91a3e4  fp: 0xfffffea6f21b3960
\t\t  lr: 0xfffffe002a0c8a18  fp: 0xfffffea6f21b39e0
\t\t  lr: 0xfffffe0029f3e1b0  fp: 0xfffffea6f21b3a10
\t\t  lr: 0xfffffe0029f0c7d4  fp: 0xfffffea6f21b3b20
\t\t  lr: 0xfffffe0029f1a8d0  fp: 0xfffffea6f21b3c50
\t\t  lr: 0xfffffe002a4b9a4c  fp: 0xfffffea6f21b3c80
\t\t  lr: 0xfffffe002a3f5158  fp: 0xfffffea6f21b3cf0
\t\t  lr: 0xfffffe002a0e97e0  fp: 0xfffffea6f21b3db0
\t\t  lr: 0xfffffe002b6cf6f4  fp: 0xfffffea6f21b3e70
\t\t  lr: 0xfffffe002a0b6204  fp: 0xfffffea6f21b3eb0
\t\t  lr: 0xfffffe002c91a1b0  fp: 0xfffffea6f21b3f20
\t\t  lr: 0xfffffe002a0b7f10  fp: 0xfffffea6f21b3f60
\t\t  lr: 0xfffffe002a0f41f0  fp: 0xfffffea6f21b3fd0
      Kernel Extensions in backtrace:
         com.apple.filesystems.apfs(2332.121.2)[8D1F6A40-27C3-3B9E-A54D-E0F3C1B7A926]@0xfffffe002b5f0000->0xfffffe002b8cbfff
            dependency: com.apple.driver.AppleEffaceableStorage(1.0)[2A9D4C61-F07B-3E18-9C52-B7E4A1D0F385]@0xfffffe002a8a4000->0xfffffe002a8abfff
            dependency: com.apple.iokit.CoreAnalyticsFamily(1)[5E2C91B7-4A3D-3081-B6F9-D2C8E0A5F147]@0xfffffe002b0c8000->0xfffffe002b0d3fff
         com.example.ovlfs(3.2.1)[C4E9A2D7-1B58-3F60-8D3A-7F2B6E0C9154]@0xfffffe002c914000->0xfffffe002c92bfff

last started kext at 1841203664: com.example.ovlfs\t3.2.1 (addr 0xfffffe002c914000, size 98304)
loaded kexts:
com.example.ovlfs\t3.2.1
com.apple.filesystems.smbfs\t6.0
com.apple.driver.AppleTopCaseHIDEventDriver\t8420.1
com.apple.filesystems.apfs\t2332.121.2
`,
      },
    ],
    replies: [
      {
        author: 'mara_kdk',
        ago: '6mo',
        accepted: true,
        boosts: 14,
        body: `Your analysis of the backtrace is right. APFS protects itself when the fault comes back in through *its own* vnode, but here the fault comes back in through **your** upper vnode, so from APFS's point of view it's an unrelated caller that happens to want a lock this thread already holds.

Don't try to detect "is this buffer mapped from the same file". There are too many ways to get there: other files that are mapped through you, shared memory, and so on. Instead, **never fault on user memory while the lower file system holds its locks**. Copy the user data into a kernel buffer first, then write from that:

\`\`\`c
#define OVL_BOUNCE  (64 * 1024)

static int
ovl_write_bounced(vnode_t lvp, uio_t uuio, int ioflag, vfs_context_t ctx)
{
    char *buf = IOMallocData(OVL_BOUNCE);
    int error = 0;

    if (buf == NULL)
        return ENOMEM;
    while (error == 0 && uio_resid(uuio) > 0) {
        off_t   off = uio_offset(uuio);
        size_t  n   = (size_t)MIN(uio_resid(uuio), OVL_BOUNCE);
        error = uiomove(buf, (int)n, uuio);            /* may fault: no lower locks held */
        if (error == 0)
            error = vn_rdwr(UIO_WRITE, lvp, buf, (int)n, off, UIO_SYSSPACE,
                            ioflag, vfs_context_ucred(ctx), NULL, vfs_context_proc(ctx));
    }
    IOFreeData(buf, OVL_BOUNCE);
    return error;
}
\`\`\`

Watch out for partial writes (roll \`uio\` back if the lower write fails) and for \`IO_APPEND\` (compute the offset under your own node lock). The extra copy costs a few percent at most, and stacking file systems have to do this anyway once they transform data.`,
      },
      {
        author: 'vfs_hacker',
        ago: '5mo',
        boosts: 4,
        body: `Shipped the bounce-buffer write path in 3.3.0. The customer's farm has been up for five weeks without a panic, and the reproducer (\`mmap\` + \`write\` into the same file) now passes in a loop. Throughput on large sequential writes dropped by about 3%, which nobody noticed. I also filed FB17294061 asking for a note in the VFS documentation that stacking file systems must not pass user-space uios to a lower file system. Thanks, Mara.`,
      },
    ],
  },
  {
    title:
      'kalloc.type.var4.128 "element modified after free" panic — how do I find who wrote to the freed element?',
    tags: ['kernel'],
    author: 'zone_allocator',
    ago: '10mo',
    views: 1624,
    boosts: 8,
    body: `We get a zone corruption panic about once a day across ~4,000 Macs running our network filter kext. Always the same zone, offset and value:

\`\`\`text
panic(cpu 0 caller 0xfffffe0027d4a3b0): [kalloc.type.var4.128]: element modified after free
  (off:72, val:0x0000000000000001, sz:128, ptr:0xfffffe2a39c81f00) @zalloc.c:1498
   72: 0x0000000000000001
OS version: 24D70
Kernel version: Darwin Kernel Version 24.3.0: ...; root:xnu-11215.81.4~3/RELEASE_ARM64_T8103
Panicked task 0xfffffe1b9e04c3a0: 2315 pages, 14 threads: pid 402: fltrd
Panicked thread: 0xfffffe1c4a5d27f0, backtrace: 0xfffffea5f1e4b2d0, tid: 88213
      lr: 0xfffffe0027b1c6d8  fp: 0xfffffea5f1e4b360
      lr: 0xfffffe0027d4a3b0  fp: 0xfffffea5f1e4b3d0
      lr: 0xfffffe0027d49f14  fp: 0xfffffea5f1e4b440
      lr: 0xfffffe0027d3c8e0  fp: 0xfffffea5f1e4b4c0
      lr: 0xfffffe004cae3e24  fp: 0xfffffea5f1e4b520
      lr: 0xfffffe004cadb5d8  fp: 0xfffffea5f1e4b5a0
      Kernel Extensions in backtrace:
         com.example.fltr(5.1.4)[1F8E3C02-9A7D-3B45-B0C6-E2D41A97F538]@0xfffffe004cad4000->0xfffffe004caf7fff
\`\`\`

Symbolicating our frames:

\`\`\`sh
% atos -arch arm64e -o fltr.kext.dSYM/Contents/Resources/DWARF/fltr \\
       -l 0xfffffe004cad4000 0xfffffe004cae3e24 0xfffffe004cadb5d8
fltr_conn_alloc (in fltr) (fltr_conn.c:88)
fltr_attach (in fltr) (fltr_sock.c:241)
\`\`\`

So the panic fires in **our allocation** of a \`struct fltr_conn\` (128 bytes, allocated with \`IOMallocType\`). I understand the allocator only notices the corruption when the element is handed out again, so this backtrace tells me who *found* the damage, not who did it. Offset 72 in our struct is \`uint32_t closing\`. The only writes to it set it to 1.

How do people catch the writer? Is there a zone logging boot-arg that works with kalloc.type zones on Apple silicon, or a KASAN kernel we can run?`,
    replies: [
      {
        author: 'mara_kdk',
        ago: '9mo',
        accepted: true,
        boosts: 12,
        body: `You've already done the hard part: offset 72 is \`closing\` and the value is exactly what your code writes there. With high probability, the writer is your own code setting \`closing = 1\` on a connection that has already been freed. Look for paths that can run **after** the free: timers, thread calls, and socket filter callbacks that race with \`sf_detach\`.

To confirm it on a test machine:

\`\`\`sh
# log allocations/frees for this zone (test machines only: it costs memory)
sudo nvram boot-args="zlog=kalloc.type.var4.128 zrecs=8000 keepsyms=1"
\`\`\`

After the next panic, the log lets you see the backtrace of the **free** of the corrupted element, which is usually enough. If that isn't conclusive, the KDK ships a KASAN kernel for many platforms. It catches the write itself at the moment it happens, at a big performance cost.

The usual bug with this exact shape:

\`\`\`c
/* idle timer */
static void
fltr_conn_idle(thread_call_param_t p0, thread_call_param_t p1)
{
    struct fltr_conn *c = p0;
    c->closing = 1;              /* c may already be freed by detach */
    fltr_conn_kick(c);
}

/* detach */
thread_call_cancel(c->idle_call);   /* does NOT wait for a running callout */
fltr_conn_free(c);
\`\`\`

\`thread_call_cancel_wait()\` (or a reference held by the callout) closes that window.`,
        comments: [
          {
            author: 'zone_allocator',
            ago: '8mo',
            body: 'Exactly this. `thread_call_cancel` in detach, with the idle callout already running on another CPU. We switched to `thread_call_cancel_wait`, and the callout now holds a reference. Zero panics across the fleet in the three weeks since the update.',
          },
        ],
      },
    ],
  },
  {
    title: 'Hard links in my VFS kext: when should I call vnode_setmultipath?',
    tags: ['kernel'],
    author: 'nfs_nora',
    ago: '6mo',
    views: 455,
    boosts: 3,
    body: `I've added hard link support (\`vnop_link\`) to our network file system kext. Links work, but paths come out wrong:

1. \`ln /Volumes/qfs/a/file /Volumes/qfs/b/link\`
2. Open \`b/link\` and call \`fcntl(fd, F_GETPATH, buf)\`.
3. It returns \`/Volumes/qfs/a/file\`.

Worse, after removing \`a/file\`, \`F_GETPATH\` on the still-open descriptor sometimes returns \`ENOENT\`. Our link handler:

\`\`\`c
static int
qfs_vnop_link(struct vnop_link_args *ap)
{
    struct qfs_node *np = VTOQ(ap->a_vp);
    int error;

    error = qfs_rpc_link(np, VTOQ(ap->a_tdvp), ap->a_cnp, ap->a_context);
    if (error != 0)
        return error;

    np->n_nlink++;
    cache_purge_negatives(ap->a_tdvp);
    return 0;
}
\`\`\`

I found \`vnode_setmultipath\` in \`vnode.h\`, but the comment is a single line. Is that what I'm missing, and where exactly should it be called?`,
    replies: [
      {
        author: 'vfs_hacker',
        ago: '5mo',
        accepted: true,
        boosts: 9,
        body: `Yes. \`vnode_setmultipath(vp)\` tells VFS that this vnode can be reached through more than one name/parent, so it stops treating the cached parent and name as the one true path. Call it in two places:

- In \`vnop_link\`, after the link succeeds.
- Wherever you create (or find) a vnode for a file whose link count is already > 1, for example in lookup or when you instantiate a vnode from attributes.

Then, when a lookup reaches an existing multipath vnode through a *different* name, update its identity so path reconstruction follows the most recent route, much as HFS+ does:

\`\`\`c
if (np->n_nlink > 1) {
    vnode_setmultipath(vp);

    const char *cur = vnode_getname_printable(vp);
    bool moved = vnode_parent(vp) != dvp ||
                 strncmp(cur, cnp->cn_nameptr, cnp->cn_namelen) != 0 ||
                 cur[cnp->cn_namelen] != '\\0';
    vnode_putname_printable(cur);

    if (moved)
        vnode_update_identity(vp, dvp, cnp->cn_nameptr, cnp->cn_namelen,
                              cnp->cn_hash,
                              VNODE_UPDATE_PARENT | VNODE_UPDATE_NAME);
}
\`\`\`

Your \`ENOENT\` after removing \`a/file\` happens because the vnode's only known parent/name pair now points at a deleted entry. Updating the identity in \`vnop_remove\` when \`n_nlink\` is still > 0 fixes that too.`,
      },
      {
        author: 'nfs_nora',
        ago: '4mo',
        boosts: 2,
        body: `That fixed both problems. I also had to refresh \`n_nlink\` from the server in \`vnop_getattr\`: another client creating a link wouldn't otherwise make us call \`vnode_setmultipath\`. For anyone else reading: hard-linked *directories* are a different story. We just return \`EPERM\` for those.`,
      },
    ],
  },
  {
    title:
      'Can I use std::string or <vector> in a kext? Undefined symbols for std::__1 at link time',
    tags: ['kernel'],
    author: 'arm64_anya',
    ago: '12mo',
    views: 1200,
    boosts: 7,
    body: `We're bringing a parser library into a kext (it parses a small config blob the daemon sends us). It's modern C++ and uses \`std::string\` and \`std::vector\`. After pointing the header search paths at the SDK's libc++ headers, it compiles, but linking fails:

\`\`\`text
Undefined symbols for architecture arm64e:
  "std::__1::basic_string<char, std::__1::char_traits<char>, std::__1::allocator<char>>::__init(char const*, unsigned long)", referenced from:
      cfg::Parser::key(unsigned long) const in Parser.o
  "operator new(unsigned long)", referenced from:
      std::__1::vector<cfg::Token, std::__1::allocator<cfg::Token>>::__append(unsigned long) in Parser.o
  "___cxa_throw", referenced from:
      std::__1::__throw_length_error[abi:ne180100](char const*) in Parser.o
ld: symbol(s) not found for architecture arm64e
\`\`\`

\`\`\`cpp
#include <string>
#include <vector>

namespace cfg {
struct Token { std::string key; std::string value; };

class Parser {
public:
    explicit Parser(const char *blob, size_t len);
    bool parse();
    std::string key(size_t i) const { return tokens_[i].key; }
private:
    std::vector<Token> tokens_;
    const char *blob_;
    size_t len_;
};
}
\`\`\`

Is there a kernel libc++ I should link against, or some compatibility shim people use?`,
    replies: [
      {
        author: 'quinn_dts',
        ago: '11mo',
        accepted: true,
        boosts: 11,
        body: `No, there's no kernel libc++, and shims are a bad idea. Kernel C++ is a restricted dialect, documented in [the libkern C++ runtime docs](https://developer.apple.com/documentation/kernel/libkern):

- No exceptions (hence \`___cxa_throw\`), no standard RTTI (libkern has its own through \`OSMetaClass\`).
- No standard library. \`operator new\` exists only in the form that libkern provides, and the standard containers rely on allocation, exception and iterator semantics that don't hold in the kernel.
- Static constructors are limited, and so on.

Your options:

1. Rewrite the parser in C-with-classes against fixed-size buffers, or use libkern collections (\`OSString\`, \`OSArray\`, \`OSDictionary\`).
2. Better: **move the parsing to the daemon.** Have it send the kext a pre-validated, fixed-layout struct. Parsing untrusted input is exactly the kind of code you don't want in the kernel.`,
      },
      {
        author: 'driverkit_dan',
        ago: '10mo',
        boosts: 4,
        body: `+1 to parsing in user space. If you must keep some string handling in the kext, a tiny fixed-capacity type covers 90% of what people use \`std::string\` for:

\`\`\`cpp
template <size_t N>
struct FixedString {
    char buf[N] = {};
    size_t len = 0;

    bool assign(const char *s, size_t n) {
        if (n >= N) return false;          // refuse rather than truncate silently
        memcpy(buf, s, n);
        buf[n] = '\\0';
        len = n;
        return true;
    }
    bool equals(const char *s) const { return strncmp(buf, s, N) == 0; }
    const char *c_str() const { return buf; }
};
\`\`\`

No allocation, no exceptions, and nothing to surprise you in a panic log.`,
      },
    ],
  },
  {
    title:
      'IOServiceAddMatchingNotification never fires when armed from -[NSObject performSelector:] on a GCD queue',
    tags: ['kernel', 'iokit'],
    author: 'iokit_ines',
    ago: '9mo',
    views: 318,
    boosts: 2,
    body: `Our menu bar app shows the state of devices handled by our kext. The monitoring object is set up from a GCD queue, and it arms its IOKit notifications through \`-[NSObject performSelector:]\` (legacy code, don't ask):

\`\`\`objc
- (void)startMonitoring {
    dispatch_async(self.workQueue, ^{
        [self performSelector:@selector(armNotifications)];
    });
}

- (void)armNotifications {
    _notifyPort = IONotificationPortCreate(kIOMainPortDefault);
    CFRunLoopAddSource(CFRunLoopGetCurrent(),
                       IONotificationPortGetRunLoopSource(_notifyPort),
                       kCFRunLoopDefaultMode);

    CFMutableDictionaryRef match = IOServiceMatching("AcmeCaptureDriver");
    kern_return_t kr = IOServiceAddMatchingNotification(_notifyPort,
                            kIOFirstMatchNotification, match,
                            AcmeDeviceAdded, (__bridge void *)self, &_addedIter);
    NSLog(@"AddMatchingNotification: 0x%x", kr);   // 0x0, KERN_SUCCESS
    AcmeDeviceAdded((__bridge void *)self, _addedIter);  // drain + arm
}
\`\`\`

Devices present at launch show up (from the drain), and \`kr\` is \`KERN_SUCCESS\`, but hot-plugged devices never call \`AcmeDeviceAdded\`. \`-[AcmeMonitor armNotifications]\` definitely runs. If I call it from \`-[AppDelegate applicationDidFinishLaunching:]\` instead, everything works. What's different?`,
    replies: [
      {
        author: 'usb_wrangler',
        ago: '8mo',
        boosts: 6,
        body: `\`-[NSObject performSelector:]\` runs synchronously on the current thread, which here is a GCD worker thread. \`CFRunLoopGetCurrent()\` on that thread creates a run loop that nobody ever runs, so your source is attached to a dead run loop. On the main thread it works because the app runs the main run loop.

Skip run loops entirely and give the port a dispatch queue:

\`\`\`objc
_notifyPort = IONotificationPortCreate(kIOMainPortDefault);
IONotificationPortSetDispatchQueue(_notifyPort, self.workQueue);

kern_return_t kr = IOServiceAddMatchingNotification(_notifyPort,
                        kIOFirstMatchNotification,
                        IOServiceMatching("AcmeCaptureDriver"),
                        AcmeDeviceAdded, (__bridge void *)self, &_addedIter);
if (kr == KERN_SUCCESS)
    AcmeDeviceAdded((__bridge void *)self, _addedIter);
\`\`\`

Callbacks then arrive on \`workQueue\`, and you can drop the \`performSelector:\` indirection completely.`,
      },
      {
        author: 'iokit_ines',
        ago: '7mo',
        boosts: 1,
        body: `That was it. Switched to \`IONotificationPortSetDispatchQueue\` and removed the \`performSelector:\` call. Hot plug works, and the termination notifications (\`kIOTerminatedNotification\`) that I hadn't even noticed were broken work too.`,
      },
    ],
  },
  {
    title: 'PCI driver personality matches in ioreg but probe() is never called',
    tags: ['kernel', 'iokit'],
    author: 'pcie_pat',
    ago: '8mo',
    views: 272,
    boosts: 1,
    body: `Writing a kext for an FPGA board (Intel Mac Pro with a Thunderbolt chassis; DriverKit is the plan, this is for an internal test rig). The kext loads, but neither \`probe()\` nor \`start()\` is ever called. The device in ioreg:

\`\`\`text
+-o pci1d0f,12ab@0  <class IOPCIDevice, id 0x100000512, registered, matched, active, busy 0 (0 ms), retain 9>
    {
      "vendor-id" = <0f1d0000>
      "device-id" = <ab120000>
      "class-code" = <00800b00>
      "IOName" = "pci1d0f,12ab"
    }
\`\`\`

My personality:

\`\`\`xml
<key>AcmeFPGA</key>
<dict>
    <key>CFBundleIdentifier</key>   <string>com.acme.fpga</string>
    <key>IOClass</key>              <string>AcmeFPGA</string>
    <key>IOProviderClass</key>      <string>IOPCIDevice</string>
    <key>IOPCIMatch</key>           <string>0x1d0f12ab</string>
    <key>IOProbeScore</key>         <integer>1000</integer>
</dict>
\`\`\`

\`kmutil showloaded\` lists the kext. Nothing in the log. What am I missing?`,
    replies: [
      {
        author: 'iokit_ines',
        ago: '7mo',
        accepted: true,
        boosts: 7,
        body: `\`IOPCIMatch\` wants the **device ID in the high 16 bits and the vendor ID in the low 16 bits**, i.e. \`0x<device><vendor>\`. You have them swapped. For vendor \`0x1d0f\` and device \`0x12ab\`:

\`\`\`xml
<key>IOPCIMatch</key>   <string>0x12ab1d0f</string>
\`\`\`

You can also match several IDs with a mask, for example \`0x12a01d0f&0xfff0ffff\` for a family of device IDs. Also remember to rebuild the kext collection after changing the personality (\`kmutil load\` does that for you during development). Cached personalities are the other classic "nothing happens" cause.`,
      },
      {
        author: 'pcie_pat',
        ago: '6mo',
        boosts: 0,
        body: 'Swapped them and `probe()` runs immediately. Thanks. Four hours of my life I will not get back.',
      },
    ],
  },
  {
    title: 'USB kext start() called twice — ioreg shows two IOUSBHostInterface nubs for one device',
    tags: ['kernel', 'usb'],
    author: 'usb_wrangler',
    ago: '14mo',
    views: 733,
    boosts: 4,
    body: `Our oscilloscope front end is a vendor-specific USB device. Since a firmware update, our kext gets \`start()\` **twice**, and the second instance fails to claim endpoints and spams the log. The relevant part of the I/O Registry is attached as **ioreg-usb.txt** (captured with \`ioreg -p IOService -lw0 -r -n "AcmeScope Pro"\`).

The new firmware exposes two vendor-specific interfaces (\`bInterfaceClass\` 255): one for sample data and a new one for firmware updates. Our personality:

\`\`\`xml
<key>AcmeScopeData</key>
<dict>
    <key>IOClass</key>              <string>AcmeScopeDriver</string>
    <key>IOProviderClass</key>      <string>IOUSBHostInterface</string>
    <key>idVendor</key>             <integer>10374</integer>
    <key>idProduct</key>            <integer>20737</integer>
    <key>bInterfaceClass</key>      <integer>255</integer>
</dict>
\`\`\`

And \`start()\`:

\`\`\`cpp
bool AcmeScopeDriver::start(IOService *provider)
{
    fInterface = OSDynamicCast(IOUSBHostInterface, provider);
    if (fInterface == nullptr || !super::start(provider))
        return false;
    if (!fInterface->open(this))
        return false;
    fInPipe = fInterface->copyPipe(kAcmeDataInEndpoint);   // 0x81
    if (fInPipe == nullptr) {
        IOLog("AcmeScope: no data pipe on interface %u\\n",
              fInterface->getInterfaceDescriptor()->bInterfaceNumber);
        fInterface->close(this);
        return false;
    }
    return true;
}
\`\`\`

I could just bail out on interface 1 in \`start()\`, but that feels wrong. How should the personality look?`,
    attachments: [
      {
        name: 'ioreg-usb.txt',
        content: `+-o AcmeScope Pro@01120000  <class IOUSBHostDevice, id 0x100001a3c, registered, matched, active, busy 0 (14 ms), retain 34>
  | {
  |   "sessionID" = 918273645501
  |   "USBSpeed" = 3
  |   "idProduct" = 20737
  |   "iManufacturer" = 1
  |   "bDeviceClass" = 0
  |   "bNumConfigurations" = 1
  |   "idVendor" = 10374
  |   "kUSBCurrentConfiguration" = 1
  |   "USB Product Name" = "AcmeScope Pro"
  |   "USB Vendor Name" = "Acme Instruments"
  |   "bcdDevice" = 770
  |   "locationID" = 17956864
  |   "Device Speed" = 2
  |   "USB Address" = 4
  | }
  |
  +-o IOUSBHostInterface@0  <class IOUSBHostInterface, id 0x100001a41, registered, matched, active, busy 0 (3 ms), retain 9>
  | | {
  | |   "bInterfaceNumber" = 0
  | |   "bInterfaceClass" = 255
  | |   "bInterfaceSubClass" = 1
  | |   "bInterfaceProtocol" = 0
  | |   "bAlternateSetting" = 0
  | |   "bNumEndpoints" = 2
  | |   "bConfigurationValue" = 1
  | |   "idVendor" = 10374
  | |   "idProduct" = 20737
  | |   "bcdDevice" = 770
  | |   "USB Interface Name" = "Sample Data"
  | | }
  | |
  | +-o AcmeScopeDriver  <class AcmeScopeDriver, id 0x100001a47, registered, matched, active, busy 0 (0 ms), retain 7>
  |     {
  |       "IOClass" = "AcmeScopeDriver"
  |       "CFBundleIdentifier" = "com.acme.scope"
  |       "IOProviderClass" = "IOUSBHostInterface"
  |       "IOProbeScore" = 0
  |       "IOMatchedAtBoot" = Yes
  |     }
  |
  +-o IOUSBHostInterface@1  <class IOUSBHostInterface, id 0x100001a43, registered, matched, active, busy 0 (2 ms), retain 9>
    | {
    |   "bInterfaceNumber" = 1
    |   "bInterfaceClass" = 255
    |   "bInterfaceSubClass" = 2
    |   "bInterfaceProtocol" = 0
    |   "bAlternateSetting" = 0
    |   "bNumEndpoints" = 1
    |   "bConfigurationValue" = 1
    |   "idVendor" = 10374
    |   "idProduct" = 20737
    |   "bcdDevice" = 770
    |   "USB Interface Name" = "Firmware Update"
    | }
    |
    +-o AcmeScopeDriver  <class AcmeScopeDriver, id 0x100001a4b, !registered, !matched, active, busy 0 (0 ms), retain 5>
        {
          "IOClass" = "AcmeScopeDriver"
          "CFBundleIdentifier" = "com.acme.scope"
          "IOProviderClass" = "IOUSBHostInterface"
          "IOProbeScore" = 0
        }
`,
      },
    ],
    replies: [
      {
        author: 'iokit_ines',
        ago: '13mo',
        boosts: 8,
        body: `USB interface matching only considers certain **combinations** of keys, and \`idVendor\` + \`idProduct\` + \`bInterfaceClass\` isn't one of the specific ones, so you effectively match any vendor-specific interface on the device. The most specific form is vendor + product + configuration + interface number:

\`\`\`xml
<key>AcmeScopeData</key>
<dict>
    <key>IOClass</key>              <string>AcmeScopeDriver</string>
    <key>IOProviderClass</key>      <string>IOUSBHostInterface</string>
    <key>idVendor</key>             <integer>10374</integer>
    <key>idProduct</key>            <integer>20737</integer>
    <key>bConfigurationValue</key>  <integer>1</integer>
    <key>bInterfaceNumber</key>     <integer>0</integer>
</dict>
\`\`\`

If you match on \`bcdDevice\`, that's also part of the most specific form, which is handy if old firmware numbered the interfaces differently. Don't rely on \`start()\` failing. A failed \`start()\` leaves an inactive object in the registry, and that's the noise you see.`,
      },
      {
        author: 'usb_wrangler',
        ago: '12mo',
        boosts: 1,
        body: 'Switched to `bConfigurationValue` + `bInterfaceNumber`, and only interface 0 gets a driver now. The firmware update interface is left alone for the updater tool to open from user space, which is what we wanted anyway.',
      },
    ],
  },
  {
    title:
      'Socket filter: swallowing data with EJUSTRETURN, then sock_inject_data_out fails with ENOBUFS under load',
    tags: ['kernel', 'network-extension'],
    author: 'tcp_tinkerer',
    ago: '16mo',
    views: 1083,
    boosts: 6,
    body: `We have a socket filter (\`sflt_register\`, TCP over IPv4 and IPv6) that holds outbound data until a user-space daemon decides whether the connection is allowed. Once it decides, we reinject. The pattern is the one from the old tcplognke sample:

\`\`\`c
static errno_t
hold_data_out(void *cookie, socket_t so, const struct sockaddr *to,
              mbuf_t *data, mbuf_t *control, sflt_data_flag_t flags)
{
    struct conn *c = cookie;

    lck_mtx_lock(&c->lock);
    if (c->verdict == VERDICT_ALLOW) {
        lck_mtx_unlock(&c->lock);
        return 0;                           /* fast path, let it through */
    }
    conn_enqueue(c, *data, control ? *control : NULL, flags);
    c->held_bytes += mbuf_pkthdr_len(*data);
    lck_mtx_unlock(&c->lock);
    return EJUSTRETURN;                     /* we own the mbufs now */
}

static void
conn_release_held(struct conn *c)          /* runs on our worker thread */
{
    struct held *h;
    while ((h = conn_dequeue(c)) != NULL) {
        errno_t err = sock_inject_data_out(c->so, NULL, h->data, h->control, h->flags);
        if (err != 0)
            printf("tcpflt: inject failed %d, %zu bytes held\\n", err, c->held_bytes);
        held_free(h);
    }
}
\`\`\`

It works in testing, but on a customer's machine (large \`rsync\` over SSH starting right after login, while the daemon is still launching) we see:

\`\`\`text
tcpflt: inject failed 55, 4194304 bytes held
tcpflt: inject failed 55, 4128768 bytes held
...
\`\`\`

…and the transfer stalls and eventually times out. So:

1. Why \`ENOBUFS\` (55)? There's plenty of free memory.
2. The app wrote 4 MB while we were holding. I expected it to block once the socket buffer was full, but since we swallow the data, the send buffer never fills. Is there a way to apply back-pressure from a socket filter?
3. When \`sock_inject_data_out\` fails, who owns the mbufs? Right now we call \`held_free()\` either way, and I'm worried that's a double free.

Customer runs macOS 14.6.1 (23G93) on Intel, and we reproduced on an M1 with 14.7.`,
    replies: [
      {
        author: 'lena_netext',
        ago: '15mo',
        boosts: 3,
        body: `On (3): check the header comments for \`sock_inject_data_out\` in \`kpi_socketfilter.h\` very carefully. I remember that the function takes ownership of the chain even when it fails, so if \`held_free()\` also frees \`h->data\`, that's your double free waiting to happen. In our filter, \`held_free()\` frees only the bookkeeping struct.`,
      },
      {
        author: 'quinn_dts',
        ago: '14mo',
        accepted: true,
        boosts: 13,
        body: `Taking your questions in order:

1. **ENOBUFS** here isn't about system memory. Injected data goes back through the normal send path, and if the socket's send buffer doesn't have room for the chunk you're injecting, you get \`ENOBUFS\` instead of blocking. You're trying to push 4 MB into a buffer sized for a fraction of that.
2. **Back-pressure**: right, data you swallow with \`EJUSTRETURN\` isn't counted against the send buffer, so the app never blocks. You have to bound it yourself: cap \`held_bytes\` per connection, and once the cap is reached, make the sender wait in your \`sf_data_out\` (only for blocking sockets, see \`sock_isnonblocking\`), or return an error for non-blocking ones so the app gets \`EWOULDBLOCK\` semantics. Filter callbacks can block, but keep the wait bounded and interruptible.
3. **Ownership**: Lena's right. Treat the chain as consumed whether the call succeeds or not.

For reinjection, feed data in pieces that fit: query free space (\`SO_SNDBUF\` minus \`SO_NWRITE\` via \`sock_getsockopt\`), inject up to that, and continue when space opens up (a short timer is fine).

Also consider whether you need to hold *data* at all. If the decision only depends on the 4-tuple and process, decide in \`sf_connect_out\` and hold the connection there. Nothing piles up then.`,
      },
      {
        author: 'tcp_tinkerer',
        ago: '13mo',
        boosts: 4,
        body: `Follow-up for the archive: we moved the decision to \`sf_connect_out\` (we only needed the tuple and the pid), capped held data at 256 KB as a fallback, and stopped freeing the chain after a failed inject. The customer's rsync-at-login scenario now just waits ~300 ms for the daemon and then runs at full speed. No more 55s in the log.`,
      },
    ],
  },
  {
    title: 'mbuf_copydata returns EINVAL for TCP options on some inbound packets in my IP filter',
    tags: ['kernel'],
    author: 'mbuf_mike',
    ago: '11mo',
    views: 349,
    boosts: 2,
    body: `In an \`ipf_input\` filter I parse TCP options. For most packets it works; for some (seemingly the larger ones) \`mbuf_copydata\` returns \`EINVAL\`:

\`\`\`c
static errno_t
flt_ipf_input(void *cookie, mbuf_t *data, int offset, u_int8_t protocol)
{
    struct ip *ip = (struct ip *)mbuf_data(*data);
    struct tcphdr th;
    uint8_t opts[40];

    if (protocol != IPPROTO_TCP)
        return 0;

    size_t ip_total = ip->ip_len;
    if (mbuf_copydata(*data, offset, sizeof(th), &th) != 0)
        return 0;

    size_t optlen = (size_t)th.th_off * 4 - sizeof(th);
    if (optlen > 0 && offset + sizeof(th) + optlen <= ip_total) {
        errno_t err = mbuf_copydata(*data, offset + sizeof(th), optlen, opts);
        if (err != 0)
            printf("flt: copydata opts failed %d (len %zu)\\n", err, ip_total);
    }
    return 0;
}
\`\`\`

Log: \`flt: copydata opts failed 22 (len 13317)\`. 13317 is much bigger than any packet on this link (1500 MTU). What am I misreading?`,
    replies: [
      {
        author: 'tcp_tinkerer',
        ago: '10mo',
        boosts: 6,
        body: `\`ip_len\` is in network byte order. 13317 is \`0x3405\`, and byte-swapped that's \`0x0534\` = 1332, a perfectly normal packet. Your bounds check uses the bogus length, so it passes for packets where the options actually run past the end of the chain, and \`mbuf_copydata\` correctly refuses.

Use the packet header length instead of trusting the IP header at all:

\`\`\`c
size_t pkt_len = mbuf_pkthdr_len(*data);
size_t optlen  = (size_t)th.th_off * 4;

if (optlen < sizeof(th) || optlen > 60)
    return 0;                                /* malformed */
optlen -= sizeof(th);
if (optlen > 0 && (size_t)offset + sizeof(th) + optlen <= pkt_len)
    (void)mbuf_copydata(*data, offset + sizeof(th), optlen, opts);
\`\`\`

Also, \`mbuf_data(*data)\` is only guaranteed to contain the first mbuf's bytes, so copy the IP header out with \`mbuf_copydata\` too rather than casting.`,
        comments: [
          {
            author: 'mbuf_mike',
            ago: '9mo',
            body: 'Of course it was ntohs. Switched to `mbuf_pkthdr_len` plus the `th_off` sanity check, and the EINVALs are gone. Thanks for the hex arithmetic, that made it obvious.',
          },
        ],
      },
    ],
  },
  {
    title: 'In-kernel sock_receive with MSG_WAITALL spins at 100% CPU after the peer closes',
    tags: ['kernel'],
    author: 'tcp_tinkerer',
    ago: '21mo',
    views: 402,
    boosts: 1,
    body: `Our kext talks to a management server over a kernel socket (\`sock_socket\` + \`sock_connect\`). The receive thread reads fixed-size frames:

\`\`\`c
static int
recv_frame(socket_t so, void *buf, size_t want)
{
    size_t total = 0;
    while (total < want) {
        struct iovec iov = { (char *)buf + total, want - total };
        struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
        size_t got = 0;
        errno_t err = sock_receive(so, &msg, MSG_WAITALL, &got);
        if (err != 0)
            return err;
        total += got;
    }
    return 0;
}
\`\`\`

When the server restarts, one CPU goes to 100% in \`kernel_task\`, and spindump shows our thread in \`soreceive\` over and over. Shouldn't \`MSG_WAITALL\` block?`,
    replies: [
      {
        author: 'lena_netext',
        ago: '20mo',
        boosts: 5,
        body: `Once the peer has closed, there's nothing left to wait for: \`sock_receive\` returns **0 with \`got == 0\`**, which means EOF. Your loop treats that as "try again" and spins. Handle EOF explicitly:

\`\`\`c
        errno_t err = sock_receive(so, &msg, MSG_WAITALL, &got);
        if (err != 0)
            return err;
        if (got == 0)
            return ECONNRESET;      /* peer closed mid-frame (or before it) */
        total += got;
\`\`\`

While you're there, set \`SO_RCVTIMEO\` with \`sock_setsockopt\` so a half-dead server can't park the thread forever, and make sure your unload path calls \`sock_shutdown\` so the thread wakes up.`,
      },
    ],
  },
  {
    title: 'KAUTH_SCOPE_VNODE listener reports KAUTH_VNODE_WRITE_DATA when apps only read?',
    tags: ['kernel'],
    author: 'esf_builder',
    ago: '19mo',
    views: 371,
    boosts: 2,
    body: `Our audit kext has a vnode scope listener that logs writes to a protected folder. We get lots of "write" events that the customer swears are read-only activity, e.g. opening a project in an editor that never saves:

\`\`\`c
static int
vnode_listener(kauth_cred_t cred, void *idata, kauth_action_t action,
               uintptr_t arg0, uintptr_t arg1, uintptr_t arg2, uintptr_t arg3)
{
    vnode_t vp = (vnode_t)arg1;

    if ((action & KAUTH_VNODE_WRITE_DATA) && is_protected(vp))
        audit_log(vp, "write", vfs_context_pid((vfs_context_t)arg0));
    return KAUTH_RESULT_DEFER;
}
\`\`\`

The editor process is logged with "write" on the protected folder itself. Is kauth reporting wrong rights?`,
    replies: [
      {
        author: 'quinn_dts',
        ago: '18mo',
        accepted: true,
        boosts: 8,
        body: `Kauth isn't wrong, the bits are **overloaded** for directories. From \`sys/kauth.h\`:

- \`KAUTH_VNODE_ADD_FILE\` is the same bit as \`KAUTH_VNODE_WRITE_DATA\`
- \`KAUTH_VNODE_ADD_SUBDIRECTORY\` is the same bit as \`KAUTH_VNODE_APPEND_DATA\`
- \`KAUTH_VNODE_LIST_DIRECTORY\` is the same bit as \`KAUTH_VNODE_READ_DATA\`
- \`KAUTH_VNODE_SEARCH\` is the same bit as \`KAUTH_VNODE_EXECUTE\`

So on the folder itself, you're seeing the editor create a file: usually a lock file, swap file, or \`.DS_Store\`. Interpret the bits based on the vnode type:

\`\`\`c
bool isdir = vnode_isdir(vp);

if (isdir && (action & KAUTH_VNODE_ADD_FILE))
    audit_log(vp, "create-in", pid);
else if (!isdir && (action & KAUTH_VNODE_WRITE_DATA))
    audit_log(vp, "write", pid);
\`\`\`

And, as always with kauth: new code should use [Endpoint Security](https://developer.apple.com/documentation/endpointsecurity), which reports creates and writes as separate events.`,
      },
    ],
  },
  {
    title:
      'dtruss on my file system shows Err#2 for ._ files and .DS_Store on every directory listing — normal?',
    tags: ['kernel', 'fskit'],
    author: 'fskit_fan',
    ago: '15mo',
    views: 590,
    boosts: 3,
    body: `Profiling why Finder is slow on our file system (kext today, FSKit port in progress). \`sudo dtruss -p $(pgrep -x Finder)\` while opening a folder with 14 entries:

\`\`\`text
SYSCALL(args)                                                      = return
getattrlistbulk(0x1B, 0x16F5A2D68, 0x10A808000, 0x80000, 0x8)       = 14 0
stat64("/Volumes/QFS/proj/._src\\0", 0x16F5A1F40, 0x0)               = -1 Err#2
getxattr("/Volumes/QFS/proj/src\\0", 0x19A3B1E20, 0x0)               = -1 Err#93
stat64("/Volumes/QFS/proj/._docs\\0", 0x16F5A1F40, 0x0)              = -1 Err#2
getxattr("/Volumes/QFS/proj/docs\\0", 0x19A3B1E20, 0x0)              = -1 Err#93
open_nocancel("/Volumes/QFS/proj/.DS_Store\\0", 0x0, 0x0)            = -1 Err#2
stat64("/Volumes/QFS/proj/._README.md\\0", 0x16F5A1F40, 0x0)         = -1 Err#2
\`\`\`

Every \`Err#2\` (\`ENOENT\`) is a round trip to our server. Is Finder supposed to do this, and what can the file system do about it?`,
    replies: [
      {
        author: 'vfs_hacker',
        ago: '14mo',
        boosts: 10,
        body: `That's what happens when your volume doesn't advertise native extended attributes. The \`._name\` lookups are the AppleDouble fallback: without native xattr support, VFS (and the frameworks above it) store xattrs in \`._\` sidecar files, so every xattr query turns into a lookup for one. \`Err#93\` is \`ENOATTR\`.

Two fixes:

1. If your server can store xattrs, set \`VOL_CAP_INT_EXTENDED_ATTR\` in your \`getattrlist\` volume capabilities and implement \`vnop_getxattr\`/\`vnop_setxattr\`/\`vnop_listxattr\`. The \`._\` lookups disappear.
2. Either way, cache negative lookups (\`cache_enter(dvp, NULL, cnp)\`) with a short lifetime. \`.DS_Store\` and friends are looked up constantly.

For the FSKit port, the same applies: advertise xattr support if you have it, and answer "not found" from a local cache.`,
      },
    ],
  },
  {
    title: "lldb can't find my kext's symbols when debugging a panicked target over KDP",
    tags: ['kernel'],
    author: 'panic_reader',
    ago: '17mo',
    views: 512,
    boosts: 2,
    body: `Two-machine debugging works (I can attach, \`bt\` shows kernel frames), but frames in my kext are raw addresses, and lldb prints:

\`\`\`sh
(lldb) kdp-remote 10.0.7.2
Version: Darwin Kernel Version 23.4.0 ...
Kernel UUID: 5A1D93C2-44E8-3B0E-9F71-A6C2D0B8E413
Load Address: 0xfffffe0011c04000
warning: Can't find binary/dSYM for com.example.diskfilter (8E3F7A21-0C65-3D94-B2A8-47E1F9C06D5B)
(lldb) bt
  * frame #0: 0xfffffe0016b3c1a0 kernel.release.t8112\`panic_trap_to_debugger + 48
    frame #1: 0xfffffe0019a4e2c8
    frame #2: 0xfffffe0019a4d7f0
\`\`\`

The dSYM is right next to the kext in my build folder. What does lldb expect?`,
    replies: [
      {
        author: 'usb_wrangler',
        ago: '16mo',
        boosts: 9,
        body: `lldb looks kexts up **by UUID**, using Spotlight (DebugSymbols) and the directories you give it. It doesn't look next to the binary. Options:

\`\`\`sh
# tell the kernel debugging plugin where your kexts live (add to ~/.lldbinit)
settings set platform.plugin.darwin-kernel.kext-directories ~/src/diskfilter/build/Debug

# or add the symbols explicitly after attaching
(lldb) target symbols add ~/src/diskfilter/build/Debug/diskfilter.kext.dSYM

# check which UUID you actually built
dwarfdump --uuid build/Debug/diskfilter.kext/Contents/MacOS/diskfilter
\`\`\`

If the UUID from \`dwarfdump\` doesn't match the one in the warning, the target is running a different build than the one you have symbols for. That's the most common cause.`,
      },
      {
        author: 'panic_reader',
        ago: '15mo',
        boosts: 1,
        body: 'UUID mismatch: the target had a kext from a CI build, not my local one. With the CI dSYM and the `kext-directories` setting, frames symbolicate fine now.',
      },
    ],
  },
  {
    title:
      'Ptrauth failure panic on arm64e when calling through a function pointer I resolved myself',
    tags: ['kernel'],
    author: 'arm64_anya',
    ago: '4mo',
    views: 641,
    boosts: 3,
    body: `Our kext has a compatibility path that looks up a function address at runtime (by walking the kernel's symbol table) and calls it. It has worked on Intel for years. On Apple silicon we panic immediately on the first call:

\`\`\`text
panic(cpu 1 caller 0xfffffe001c2a47e8): Break 0xC470 instruction exception from kernel.
  Ptrauth failure with IA key resulted in 0x2000fffe001d3b9c at pc 0xfffffe0047a1c2f4,
  lr 0x8c77fe0047a1c2e8 (saved state: 0xfffffe6d2a4a3a10)
OS version: 25A354
Kernel version: Darwin Kernel Version 25.0.0: ...; root:xnu-12377.1.9~3/RELEASE_ARM64_T8122
\`\`\`

The call site:

\`\`\`c
typedef int (*resolve_fn_t)(vnode_t vp, uint32_t flags, void **out);

static resolve_fn_t g_resolve;

void
compat_init(void)
{
    uintptr_t addr = ksym_lookup("_vnode_resolve_private");   /* our symbol walker */
    g_resolve = (resolve_fn_t)addr;
}

int
compat_resolve(vnode_t vp, void **out)
{
    return g_resolve ? g_resolve(vp, 0, out) : ENOTSUP;
}
\`\`\`

The top bits of \`0x2000fffe001d3b9c\` look like a corrupted pointer, but \`addr\` is correct according to the KDK. What's going on, and how do I make the call work on arm64e?`,
    replies: [
      {
        author: 'quinn_dts',
        ago: '3mo',
        boosts: 7,
        body: `On arm64e, function pointers are **signed**. The compiler emits an authenticated branch (\`blraa\`) for \`g_resolve(...)\`. Your \`addr\` is a raw, unsigned address, so authentication fails and the kernel panics by design. The "corrupted" top bits are the poisoned result of the failed authentication.

The technical workaround is easy. Please don't use it: calling unexported kernel functions isn't supported. Their signatures, locking rules, and even their existence change between builds, and a kext that does this can break any customer's Mac on any software update. Things I'd look at instead:

- Is there a KPI that does what you need? Tell us what \`vnode_resolve_private\` does for you.
- If not, please file an enhancement request describing the use case. That's how KPIs get added.`,
      },
      {
        author: 'mara_kdk',
        ago: '2mo',
        boosts: 5,
        body: `To add to Quinn's point about why it *seemed* to work: on Intel there's no pointer authentication, so the same code has been calling a private function "successfully" and silently depending on its exact ABI. On 26.x that function's locking changed, so even on Intel you'd now be calling it with the wrong locks held. The panic on arm64e is doing you a favor.`,
      },
    ],
  },
  {
    title:
      "kmutil load on Apple silicon: 'not compatible with the current architecture' — lipo says arm64 is there",
    tags: ['kernel'],
    author: 'kext_keeper',
    ago: '5mo',
    views: 297,
    boosts: 1,
    body: `First time building our kext for Apple silicon (Intel-only until now). It loads fine on Intel; on an M4 mini:

\`\`\`sh
% sudo kmutil load -p /Library/Extensions/AcmeFS.kext
Error Domain=KMErrorDomain Code=71 "Incompatible architecture: Binary is for x86_64 arm64, but needed arm64e"
% lipo -info /Library/Extensions/AcmeFS.kext/Contents/MacOS/AcmeFS
Architectures in the fat file: AcmeFS are: x86_64 arm64
\`\`\`

The target uses \`ARCHS = $(ARCHS_STANDARD)\`. Do I need a different SDK for arm64 kexts?`,
    replies: [
      {
        author: 'pcie_pat',
        ago: '4mo',
        boosts: 6,
        body: `Kexts on Apple silicon must be **arm64e** (pointer authentication ABI), not plain arm64, and \`ARCHS_STANDARD\` gives you arm64. Set it explicitly:

\`\`\`sh
# in the kext target's build settings / xcconfig
ARCHS = x86_64 arm64e

# after building, check:
lipo -archs build/Release/AcmeFS.kext/Contents/MacOS/AcmeFS
# x86_64 arm64e
\`\`\`

Same SDK, no other changes needed unless your code casts integers to function pointers (see the ptrauth threads here).`,
      },
      {
        author: 'kext_keeper',
        ago: '3mo',
        boosts: 0,
        body: 'That was it, loads now. Strange that Xcode offers no warning for a kext target with plain arm64 in it.',
      },
    ],
  },
  {
    title: 'ABBA deadlock between my node hash mutex and per-node lock during vget vs. reclaim',
    tags: ['kernel'],
    author: 'vfs_hacker',
    ago: '22mo',
    views: 688,
    boosts: 5,
    body: `Our network file system hangs (no panic, just a hang) under a stress test that stats and deletes files concurrently. \`showallstacks\` from lldb on the hung machine shows two threads waiting for each other:

\`\`\`text
thread 0xffffff8a41c2b0c8  (stat storm)
  lck_mtx_lock_wait_x86
  qfs_node_lock                 <- waits on np->n_lock (held by 0xffffff8a3e97d5a0)
  qfs_vget_internal             <- holds qfs_hash_mtx
  qfs_vnop_lookup
  lookup

thread 0xffffff8a3e97d5a0  (vnode recycling)
  lck_mtx_lock_wait_x86
  qfs_hash_remove               <- waits on qfs_hash_mtx (held by 0xffffff8a41c2b0c8)
  qfs_vnop_reclaim              <- holds np->n_lock
  vclean
  vnode_reclaim_internal
\`\`\`

Simplified code:

\`\`\`c
/* lookup side */
lck_mtx_lock(&qfs_hash_mtx);
np = qfs_hash_find(mp, fileid);
if (np != NULL) {
    lck_mtx_lock(&np->n_lock);            /* wait for node while holding hash */
    vp = np->n_vnode;
    ...
}
lck_mtx_unlock(&qfs_hash_mtx);

/* reclaim side */
lck_mtx_lock(&np->n_lock);
qfs_hash_remove(np);                      /* takes qfs_hash_mtx */
lck_mtx_unlock(&np->n_lock);
\`\`\`

Classic lock order inversion, I get that. What's the idiomatic way to structure a node hash so that lookup and reclaim can't do this? Dropping the hash lock before taking the node lock opens a window where the node is freed under me.`,
    replies: [
      {
        author: 'mara_kdk',
        ago: '21mo',
        boosts: 11,
        body: `Pick one order (hash, then node) and make reclaim follow it too. The usual trick is to never *sleep on the node lock* while holding the hash lock. Instead, give the node a state the hash lock protects:

\`\`\`c
/* lookup */
lck_mtx_lock(&qfs_hash_mtx);
loop:
np = qfs_hash_find(mp, fileid);
if (np != NULL) {
    if (np->n_hflags & (NH_ALLOC | NH_TRANSIT)) {      /* being created or reclaimed */
        np->n_hflags |= NH_WANT;
        msleep(np, &qfs_hash_mtx, PINOD, "qfs_hash", NULL);
        goto loop;                                     /* np may be gone: look up again */
    }
    vp = np->n_vnode;
    vid = vnode_vid(vp);
    lck_mtx_unlock(&qfs_hash_mtx);
    if (vnode_getwithvid(vp, vid) != 0)                /* lost the race with reclaim */
        goto retry_from_top;
    return vp;
}

/* reclaim: mark in transit under the hash lock FIRST, then do the slow work */
lck_mtx_lock(&qfs_hash_mtx);
np->n_hflags |= NH_TRANSIT;
lck_mtx_unlock(&qfs_hash_mtx);
...
lck_mtx_lock(&qfs_hash_mtx);
qfs_hash_remove_locked(np);
if (np->n_hflags & NH_WANT)
    wakeup(np);
lck_mtx_unlock(&qfs_hash_mtx);
\`\`\`

\`vnode_getwithvid\` is what closes the "freed under me" window: if the vnode got recycled between the unlock and the get, the vid won't match and you just retry. HFS's \`hfs_chash.c\` is the canonical example of this pattern.`,
      },
      {
        author: 'vfs_hacker',
        ago: '20mo',
        boosts: 3,
        body: `Rewrote the hash along those lines (transit flag + \`vnode_getwithvid\` + retry). The stress test ran 36 hours without a hang; before, it hung within 20 minutes. The bug was essentially "take the node lock inside the hash lock", and there were three other places that did that as well.`,
      },
    ],
  },
  {
    title:
      'willTerminate arrives while a user client thread is asleep in commandSleep — how do I wake it safely?',
    tags: ['kernel', 'iokit'],
    author: 'iokit_ines',
    ago: '16mo',
    views: 377,
    boosts: 3,
    body: `Our driver's user client implements a blocking "wait for next frame" call. It runs on the work loop via the command gate and sleeps until the interrupt handler signals:

\`\`\`cpp
IOReturn FrameGrabber::waitForFrameGated(void *arg0, void *, void *, void *)
{
    uint64_t *seqOut = static_cast<uint64_t *>(arg0);
    while (fLastSeq == fConsumedSeq) {
        IOReturn ret = fGate->commandSleep(&fLastSeq, THREAD_ABORTSAFE);
        if (ret != THREAD_AWAKENED)
            return kIOReturnAborted;
    }
    *seqOut = ++fConsumedSeq;
    return kIOReturnSuccess;
}
\`\`\`

On unplug, the app's thread stays asleep forever, termination never completes, and the device can't be re-plugged until reboot. I tried calling \`fGate->commandWakeup(&fLastSeq)\` directly from \`willTerminate\`, but then the waiter wakes, sees no new frame and goes back to sleep. What's the right pattern?`,
    replies: [
      {
        author: 'driverkit_dan',
        ago: '15mo',
        accepted: true,
        boosts: 8,
        body: `You need a condition the waiter can see, set **on the gate** so there's no race between checking and sleeping:

\`\`\`cpp
IOReturn FrameGrabber::markTerminatingGated(void *, void *, void *, void *)
{
    fTerminating = true;
    fGate->commandWakeup(&fLastSeq, /* oneThread */ false);
    return kIOReturnSuccess;
}

bool FrameGrabber::willTerminate(IOService *provider, IOOptionBits options)
{
    fGate->runAction(OSMemberFunctionCast(IOCommandGate::Action, this,
                                          &FrameGrabber::markTerminatingGated));
    return super::willTerminate(provider, options);
}

IOReturn FrameGrabber::waitForFrameGated(void *arg0, void *, void *, void *)
{
    uint64_t *seqOut = static_cast<uint64_t *>(arg0);
    while (!fTerminating && fLastSeq == fConsumedSeq) {
        if (fGate->commandSleep(&fLastSeq, THREAD_ABORTSAFE) != THREAD_AWAKENED)
            return kIOReturnAborted;
    }
    if (fTerminating)
        return kIOReturnNoDevice;
    *seqOut = ++fConsumedSeq;
    return kIOReturnSuccess;
}
\`\`\`

\`commandSleep\` drops the gate while sleeping, so \`runAction\` from \`willTerminate\` won't deadlock. If you have in-flight work that can't be aborted synchronously, defer in \`didTerminate\` (set \`*defer = true\`) and finish termination when the last request drains.`,
        comments: [
          {
            author: 'iokit_ines',
            ago: '14mo',
            body: 'Works. The app now gets `kIOReturnNoDevice` (0xe00002c0) on unplug and the re-plug attaches a fresh instance. Also adding `fTerminating` checks to the other gated entry points.',
          },
        ],
      },
    ],
  },
  {
    title: 'Moving from uio_create to uio_createwithbuffer on the stack — review my diff?',
    tags: ['kernel'],
    author: 'nfs_nora',
    ago: '7mo',
    views: 214,
    boosts: 1,
    body: `Profiling our file system kext showed \`uio_create\`/\`uio_free\` in the top 20 for small reads, so I converted the hot paths to stack-allocated uios with \`uio_createwithbuffer\`. The full change is attached as **uio-migration.diff**. One representative hunk:

\`\`\`diff
-    uio_t uio = uio_create(1, off, UIO_SYSSPACE, UIO_READ);
-    if (uio == NULL)
-        return ENOMEM;
-    uio_addiov(uio, CAST_USER_ADDR_T(buf), len);
+    char uio_buf[UIO_SIZEOF(1)];
+    uio_t uio = uio_createwithbuffer(1, off, UIO_SYSSPACE, UIO_READ,
+                                     uio_buf, sizeof(uio_buf));
+    uio_addiov(uio, CAST_USER_ADDR_T(buf), len);
     error = VNOP_READ(np->n_cachevp, uio, IO_NOCACHE, ctx);
-    uio_free(uio);
\`\`\`

Questions:

- Is it safe to pass a stack uio to \`VNOP_READ\` and \`sock_receive\`? Could anything keep a reference after the call returns?
- Any stack size concerns? Kernel stacks aren't big.`,
    attachments: [
      {
        name: 'uio-migration.diff',
        content: `diff --git a/kext/qfs_cache.c b/kext/qfs_cache.c
index 4c1a2e9..b7d03f1 100644
--- a/kext/qfs_cache.c
+++ b/kext/qfs_cache.c
@@ -212,17 +212,16 @@ qfs_cache_read(struct qfs_node *np, void *buf, size_t len, off_t off,
                vfs_context_t ctx)
 {
     int error;
-    uio_t uio = uio_create(1, off, UIO_SYSSPACE, UIO_READ);
-    if (uio == NULL)
-        return ENOMEM;
-    uio_addiov(uio, CAST_USER_ADDR_T(buf), len);
+    char uio_buf[UIO_SIZEOF(1)];
+    uio_t uio = uio_createwithbuffer(1, off, UIO_SYSSPACE, UIO_READ,
+                                     uio_buf, sizeof(uio_buf));
+    uio_addiov(uio, CAST_USER_ADDR_T(buf), len);
 
     error = VNOP_READ(np->n_cachevp, uio, IO_NOCACHE, ctx);
     if (error == 0 && uio_resid(uio) != 0)
         error = EIO;                        /* short read from cache file */
-    uio_free(uio);
     return error;
 }
 
@@ -248,22 +247,21 @@ qfs_cache_write(struct qfs_node *np, const void *buf, size_t len, off_t off,
                 vfs_context_t ctx)
 {
     int error;
-    uio_t uio = uio_create(1, off, UIO_SYSSPACE, UIO_WRITE);
-    if (uio == NULL)
-        return ENOMEM;
-    uio_addiov(uio, CAST_USER_ADDR_T(buf), len);
+    char uio_buf[UIO_SIZEOF(1)];
+    uio_t uio = uio_createwithbuffer(1, off, UIO_SYSSPACE, UIO_WRITE,
+                                     uio_buf, sizeof(uio_buf));
+    uio_addiov(uio, CAST_USER_ADDR_T(buf), len);
 
     error = VNOP_WRITE(np->n_cachevp, uio, IO_NOCACHE | IO_SYNC, ctx);
     if (error != 0) {
         qfs_cache_invalidate(np);
         uio_free(uio);
         return error;
     }
-    uio_free(uio);
     return 0;
 }
 
diff --git a/kext/qfs_sock.c b/kext/qfs_sock.c
index 91d7c30..e25af48 100644
--- a/kext/qfs_sock.c
+++ b/kext/qfs_sock.c
@@ -87,14 +87,13 @@ qfs_sock_recv_exact(socket_t so, void *buf, size_t len)
 {
     size_t got = 0;
     errno_t err;
-    uio_t uio = uio_create(1, 0, UIO_SYSSPACE, UIO_READ);
-    if (uio == NULL)
-        return ENOMEM;
-    uio_addiov(uio, CAST_USER_ADDR_T(buf), len);
+    struct iovec iov = { .iov_base = buf, .iov_len = len };
+    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
 
-    err = sock_receive_uio(so, uio, MSG_WAITALL, &got);
-    uio_free(uio);
+    err = sock_receive(so, &msg, MSG_WAITALL, &got);
     if (err == 0 && got != len)
         err = ECONNRESET;
     return err;
 }
`,
      },
    ],
    replies: [
      {
        author: 'vfs_hacker',
        ago: '6mo',
        boosts: 6,
        body: `The pattern is fine: \`VNOP_READ\`/\`VNOP_WRITE\` and \`sock_receive\` are synchronous with respect to the uio, and nothing keeps it after returning. \`UIO_SIZEOF(1)\` is small, so the stack is fine too. Just don't do \`UIO_SIZEOF(64)\` on the stack in a deep call chain.

But your diff has a bug: in the \`qfs_cache_write\` hunk, the error path still calls \`uio_free(uio)\` on the **stack** uio:

\`\`\`diff
     if (error != 0) {
         qfs_cache_invalidate(np);
-        uio_free(uio);
         return error;
     }
\`\`\`

Freeing a uio that didn't come from \`uio_create\` will panic (or worse, corrupt a zone) the first time a cache write fails, which is the path your tests are least likely to hit. Grep the whole change for \`uio_free\` before you ship it.`,
      },
    ],
  },
  {
    title: 'Hard-coded 4096 page size broke our DMA buffer code on Apple silicon (16K pages)',
    tags: ['kernel', 'iokit'],
    author: 'driverkit_dan',
    ago: '17mo',
    views: 934,
    boosts: 7,
    body: `Porting an old PCIe capture kext to Apple silicon (Thunderbolt chassis). Our scatter-gather builder assumed 4 KiB pages everywhere:

\`\`\`cpp
#define CAP_PAGE_SIZE 4096

IOReturn CaptureDMA::buildSGList(IOMemoryDescriptor *md)
{
    IOByteCount offset = 0, total = md->getLength();
    uint32_t n = 0;
    while (offset < total && n < kMaxSG) {
        IOByteCount segLen = 0;
        addr64_t pa = md->getPhysicalSegment(offset, &segLen, kIOMemoryMapperNone);
        segLen = min(segLen, (IOByteCount)CAP_PAGE_SIZE);
        fSG[n].addr = pa;
        fSG[n].len  = (uint32_t)segLen;
        offset += segLen;
        n++;
    }
    return offset == total ? kIOReturnSuccess : kIOReturnNoResources;
}
\`\`\`

On an M2 Ultra, frames arrive corrupted in a repeating 16 KiB pattern, and for large frames we run out of SG entries. On Intel it's fine. I know the kernel uses 16K pages on Apple silicon, but I'm not sure what's *wrong* here beyond the constant.`,
    replies: [
      {
        author: 'iokit_ines',
        ago: '16mo',
        boosts: 12,
        body: `More than the constant is wrong:

1. **\`kIOMemoryMapperNone\` gives you CPU physical addresses.** On Apple silicon, devices see memory through the DART (IOMMU), so physical addresses mean nothing to your card. Feeding it physical addresses is what produces your "repeating 16 KiB" corruption.
2. Use **\`IODMACommand\`** to get device-visible addresses. It goes through the mapper, honors your device's addressing limits and max segment size, and works unchanged on Intel:

\`\`\`cpp
fDMA = IODMACommand::withSpecification(kIODMACommandOutputHost64,
                                       /* numAddressBits */ 64,
                                       /* maxSegmentSize */ kCapMaxSegment,
                                       IODMACommand::kMapped,
                                       /* maxTransferSize */ 0,
                                       /* alignment */ 4);
fDMA->setMemoryDescriptor(md);           // prepares the descriptor

UInt64 offset = 0;
UInt32 count = kMaxSG;
IODMACommand::Segment64 segs[kMaxSG];
IOReturn ret = fDMA->gen64IOVMSegments(&offset, segs, &count);
\`\`\`

3. If you really need the page size, use \`PAGE_SIZE\` (or \`vm_page_size\`) in the kext, never a literal. And note that the mapper may coalesce what used to be many 4 KiB segments into a few large ones, so fewer SG entries should make your "out of entries" problem go away too.`,
      },
    ],
  },
  {
    title: 'Porting our kext file system to FSKit: what replaces vnop_pagein / cluster_read?',
    tags: ['kernel', 'fskit'],
    author: 'fskit_fan',
    ago: '3mo',
    views: 522,
    boosts: 5,
    body: `Our kext implements \`vnop_read\`, \`vnop_pagein\` and \`vnop_pageout\` on top of \`cluster_read\`/\`cluster_pagein\`, with a \`vnop_blockmap\` that maps file offsets to blocks on the device. For the FSKit port I can find the read/write operations on the volume, but nothing about paging or the unified buffer cache.

- Does the FSKit module see page faults at all?
- Who caches file data, the kernel or my extension?
- Our on-disk format is extent-based. Is there something like \`blockmap\` so the kernel can do I/O directly instead of copying everything through my process?`,
    replies: [
      {
        author: 'quinn_dts',
        ago: '2mo',
        boosts: 9,
        body: `Short version: paging and caching stay in the kernel, and your module only sees read and write requests.

- You don't see page faults. The kernel side of FSKit turns page-ins and page-outs into reads and writes against your volume.
- The kernel caches file data as usual. Your module is responsible for correctness (invalidate when the backing store changes behind the kernel's back), not for the cache itself.
- For block-device-backed formats, recent releases add a way for a volume to hand the kernel **extent mappings** so it can perform the I/O itself (look for the kernel-offloaded I/O operations in the [FSKit documentation](https://developer.apple.com/documentation/fskit)). That's the closest thing to \`vnop_blockmap\`, and it's the one to use for an extent-based format where performance matters.

Start with plain read/write to get a correct port, then move hot paths to the offloaded model once you have tests.`,
      },
    ],
  },
  {
    title:
      'IP filter (ipf_addv4) sees every loopback packet twice — once in ipf_output, once in ipf_input',
    tags: ['kernel', 'network-extension'],
    author: 'lena_netext',
    ago: '10mo',
    views: 243,
    boosts: 1,
    body: `Our byte-counting IP filter double counts local traffic. Test: \`nc -l 9000\` plus \`nc 127.0.0.1 9000 < 10MB.bin\`. Counters:

\`\`\`text
ipf stats after one 10 MB transfer
  output   pkts=  2731  bytes= 10742380
  input    pkts=  2731  bytes= 10742380
  total    bytes= 21484760   <- expected ~10.7 MB
\`\`\`

For traffic to other hosts, numbers match \`nettop\`. Is this expected, and how do other filters avoid counting loopback twice?`,
    replies: [
      {
        author: 'tcp_tinkerer',
        ago: '9mo',
        boosts: 4,
        body: `Expected: a loopback packet goes down the output path to \`lo0\` and comes back up the input path, so an IP filter legitimately sees it twice. Filters that care usually either skip loopback entirely or count only one direction:

\`\`\`c
static errno_t
cnt_ipf_input(void *cookie, mbuf_t *data, int offset, u_int8_t protocol)
{
    ifnet_t rcvif = mbuf_pkthdr_rcvif(*data);
    if (rcvif != NULL && (ifnet_flags(rcvif) & IFF_LOOPBACK))
        return 0;                               /* already counted on output */
    counters_add_in(mbuf_pkthdr_len(*data));
    return 0;
}
\`\`\`

On output you don't get the interface, so check the destination address (\`127.0.0.0/8\`, \`::1\`) if you want to skip loopback there instead.`,
      },
    ],
  },
  {
    title: 'Double free panic in m_free after returning EPERM from ipf_output',
    tags: ['kernel'],
    author: 'mbuf_mike',
    ago: '14mo',
    views: 455,
    boosts: 2,
    body: `Our IP filter blocks certain packets on output. Since we added the blocking path, we get this panic a few times a day on test machines:

\`\`\`text
panic(cpu 5 caller 0xfffffe00219f3c10): m_free: mbuf 0xfffffe24a6d8e300 (type 1, flags 0x2) has already been freed @uipc_mbuf.c:3862
Panicked task 0xfffffe1a0c6e2d40: 0 pages, 614 threads: pid 0: kernel_task
Backtrace:
  m_free + 0x2c4
  m_freem_list + 0x1a8
  ip_output_list + 0x1d84
  tcp_ip_output + 0x6ac
  tcp_output + 0x2e18
  Kernel Extensions in backtrace: (none)
\`\`\`

Our code:

\`\`\`c
static errno_t
blk_ipf_output(void *cookie, mbuf_t *data, ipf_pktopts_t options)
{
    if (should_block(*data)) {
        stats.blocked++;
        mbuf_freem(*data);
        *data = NULL;
        return EPERM;
    }
    return 0;
}
\`\`\`

Our kext isn't even in the backtrace. Is the stack freeing the packet too?`,
    replies: [
      {
        author: 'tcp_tinkerer',
        ago: '13mo',
        boosts: 7,
        body: `Yes. The contract for IP filter callbacks is:

- \`0\`: continue, the stack keeps ownership.
- \`EJUSTRETURN\`: **you** took ownership (you freed it, queued it, or will reinject it).
- Any other error: the stack **drops and frees** the packet.

So returning \`EPERM\` after \`mbuf_freem\` frees it twice. Either free it and return \`EJUSTRETURN\`, or don't free it and return an error:

\`\`\`c
    if (should_block(*data)) {
        stats.blocked++;
        return EPERM;          /* stack frees it; app sees EPERM on TCP send paths */
    }
\`\`\`

That's also why your kext isn't in the backtrace: the second free happens later in \`ip_output_list\`.`,
      },
      {
        author: 'mbuf_mike',
        ago: '11mo',
        boosts: 1,
        body: 'Removed our `mbuf_freem`, and the panics stopped. Worth noting for others: with `EPERM`, the sending app sees errors on its socket, while `EJUSTRETURN` after freeing drops silently. We ended up using the silent drop for UDP and `EPERM` for TCP.',
      },
    ],
  },
  {
    title:
      'IOMemoryDescriptor::prepare() returns kIOReturnVMError for a buffer passed from my user client',
    tags: ['kernel', 'iokit'],
    author: 'pcie_pat',
    ago: '9mo',
    views: 389,
    boosts: 2,
    body: `My user client takes a buffer address and length as scalar inputs and wires the buffer for DMA:

\`\`\`cpp
IOReturn AcmeUserClient::submitBuffer(mach_vm_address_t addr, mach_vm_size_t len)
{
    IOMemoryDescriptor *md = IOMemoryDescriptor::withAddressRange(addr, len,
                                  kIODirectionOutIn, fTask);
    if (md == nullptr)
        return kIOReturnNoMemory;
    IOReturn ret = md->prepare();
    if (ret != kIOReturnSuccess) {
        IOLog("acme: prepare failed 0x%08x\\n", ret);
        md->release();
        return ret;
    }
    return fEngine->enqueue(md);        // engine completes + releases
}
\`\`\`

For most buffers this works. For buffers the app gets from a read-only file mapping (the device only *reads* them), \`prepare()\` fails with \`0xe00002c8\` (\`kIOReturnVMError\`), and the system log shows \`vm_map_wire_nested: KERN_INVALID_ARGUMENT\`-style messages just before it. Why would wiring fail for memory that's plainly mapped?`,
    replies: [
      {
        author: 'iokit_ines',
        ago: '8mo',
        accepted: true,
        boosts: 6,
        body: `\`kIODirectionOutIn\` asks to wire the pages for **writing** too (the "In" direction means the device writes into memory). A read-only mapping can't be wired writable, so the VM refuses. Use the direction that matches what the device does:

\`\`\`cpp
// device reads from the buffer = data goes "out" of memory
IOMemoryDescriptor *md = IOMemoryDescriptor::withAddressRange(addr, len,
                              kIODirectionOut, fTask);
\`\`\`

Two more suggestions while you're in there:

- Don't take raw addresses as scalars. Pass the buffer as the *structure input* of \`externalMethod\` (large ones arrive as \`structureInputDescriptor\`), or share memory via \`clientMemoryForType\`. That way the kernel validates and maps it for you.
- Check \`len\` against a sane maximum **before** creating the descriptor. Wiring gigabytes on a user's request is a denial of service waiting to happen.`,
      },
    ],
  },
  {
    title: 'Is it still reasonable to start a new product as a kext?',
    tags: ['kernel'],
    author: 'driverkit_dan',
    ago: '24mo',
    views: 1412,
    boosts: 10,
    body: `Not a technical question exactly, but one I need to answer for management. We're starting a new storage product (a block device plus a custom file system) and someone asked "why not just write a kext, like the competitor did?"

My understanding:

- Kexts are deprecated; each release adds friction (reduced security on Apple silicon, user approval, restart to load).
- DriverKit covers our block device side.
- FSKit might cover the file system, but it's new.

Is there anyone here who started a **new** kext in the last couple of years and doesn't regret it? What would you tell management?`,
    replies: [
      {
        author: 'quinn_dts',
        ago: '23mo',
        boosts: 15,
        body: `I can't talk about future plans, but I can say what the current direction clearly is. Apple has been moving kernel functionality to user space for years: network filters → Network Extension, file monitoring → Endpoint Security, most drivers → DriverKit, and now file systems → FSKit. Each of those moves came with new kext restrictions.

For a *new* product, that means:

- Use DriverKit for the block device.
- Evaluate FSKit for the file system **now**, and file enhancement requests for whatever is missing. That's the most effective way to get gaps closed.
- If you must ship a kext as a stopgap, design it so the kext part is small and easy to remove later.

And the customer experience matters too: on Apple silicon, a kext means the user lowers security settings in recoveryOS. That's a hard sell in a managed environment.`,
      },
      {
        author: 'lena_netext',
        ago: '22mo',
        boosts: 6,
        body: `From the networking side: everything we used to do with kexts (socket filters, IP filters) has a Network Extension equivalent now: content filters, transparent proxies, packet tunnels, DNS proxies. The gaps that remain are niche. Performance was our big worry. For our workloads the content filter costs a few percent of throughput, and customers happily accept that in exchange for not lowering security settings.`,
      },
      {
        author: 'tcp_tinkerer',
        ago: '21mo',
        boosts: 8,
        body: `Data point from someone who did it: a few years ago we started a new network kext because NE couldn't do one thing we needed. Two years later we had rewritten it as a Network Extension anyway, after every major release broke something and enterprise customers refused reduced security. If I were starting today, I'd only write a kext for an in-house tool where I control the machines.`,
      },
      {
        author: 'vfs_hacker',
        ago: '20mo',
        boosts: 5,
        body: `File systems are the one area where the honest answer used to be "kext, there is nothing else". For a new file system today I'd prototype on FSKit first, and keep the on-disk format code in a portable C library with no kernel dependencies. Then hosting it in an FSKit module or (if you really must) a kext is a thin layer, and you aren't betting the product on either.`,
      },
      {
        author: 'driverkit_dan',
        ago: '19mo',
        boosts: 4,
        body: `Thanks, all. The summary I'm taking to management:

1. DriverKit for the block device, no discussion.
2. Six-week FSKit prototype for the file system, with the format code in a portable library as suggested.
3. A kext only as a documented fallback, with a sunset date, if the prototype hits a hard gap, and enhancement requests filed for every gap we find.`,
        comments: [
          {
            author: 'panic_reader',
            ago: '18mo',
            body: "Add support cost to that summary: a bug in a kext takes down the customer's whole machine, while a crashing dext or FSKit module is a restarted process and a log entry.",
          },
        ],
      },
    ],
  },
  {
    title:
      'From an installer script, how do I tell whether our kext is loaded (not just installed)?',
    tags: ['kernel'],
    author: 'kext_keeper',
    ago: '8mo',
    views: 301,
    boosts: 1,
    body: `Our \`.pkg\` upgrades customers from a kext to a system extension. The \`preinstall\` script needs to know whether the old kext is currently **loaded**, so it can tell the user a restart is needed. What I have:

\`\`\`sh
#!/bin/sh
if /usr/bin/kmutil showloaded --list-only 2>/dev/null | grep -q 'com\\.acme\\.fs '; then
    echo "kext loaded"
    touch /private/tmp/.acme_needs_restart
fi
\`\`\`

It works but takes 2–3 seconds on some machines, and parsing human-readable output feels fragile. \`systemextensionsctl list\` doesn't show kexts at all. Is there something better?`,
    replies: [
      {
        author: 'driverkit_dan',
        ago: '7mo',
        boosts: 5,
        body: `Ask \`kmutil\` about just your bundle instead of listing everything:

\`\`\`sh
if /usr/bin/kmutil showloaded --bundle-identifier com.acme.fs --list-only 2>/dev/null \\
     | grep -q 'com\\.acme\\.fs'; then
    touch /private/tmp/.acme_needs_restart
fi
\`\`\`

That's noticeably faster. If you have a helper tool in the package anyway, the API route is \`KextManagerCopyLoadedKextInfo\` from IOKit's \`KextManager.h\`: pass an array with your bundle ID, and a non-empty result means it's loaded. No text parsing needed.`,
      },
    ],
  },
  {
    title: 'thread_call fires after kext unload and panics with an instruction fetch abort',
    tags: ['kernel'],
    author: 'driverkit_dan',
    ago: '12mo',
    views: 566,
    boosts: 4,
    body: `Generic (non-IOKit) kext with a periodic flush:

\`\`\`c
static thread_call_t g_flush_call;

static void
flush_fn(thread_call_param_t p0, thread_call_param_t p1)
{
    stats_flush();
    uint64_t deadline;
    clock_interval_to_deadline(5, NSEC_PER_SEC, &deadline);
    thread_call_enter_delayed(g_flush_call, deadline);      /* re-arm */
}

kern_return_t
acme_stop(kmod_info_t *ki, void *d)
{
    thread_call_cancel(g_flush_call);
    thread_call_free(g_flush_call);
    return KERN_SUCCESS;
}
\`\`\`

Maybe one unload in fifty panics a few seconds later:

\`\`\`text
panic(cpu 2 caller 0xfffffe0021a3e6c4): Kernel instruction fetch abort at pc 0xfffffe0047b2c1d0, lr 0xfffffe0021b4d8e8 (saved state: 0xfffffe6c9a2e3c80)
\`\`\`

\`0xfffffe0047b2c1d0\` is inside where our kext *used* to be loaded. I cancel and free the call, so how does it still run?`,
    replies: [
      {
        author: 'mara_kdk',
        ago: '11mo',
        accepted: true,
        boosts: 10,
        body: `\`thread_call_cancel\` only removes a call that's **pending**; it doesn't wait for one that's **running**. If \`flush_fn\` is executing on another CPU when you cancel, it re-arms itself, your cancel is already done, and \`thread_call_free\` fails (it returns \`FALSE\` when the call is still pending, and you ignore that). Five seconds later it fires into unloaded code.

Fix both the race and the re-arm:

\`\`\`c
static volatile bool g_stopping;

static void
flush_fn(thread_call_param_t p0, thread_call_param_t p1)
{
    stats_flush();
    if (!os_atomic_load(&g_stopping, acquire))
        thread_call_enter_delayed(g_flush_call, next_deadline());
}

kern_return_t
acme_stop(kmod_info_t *ki, void *d)
{
    os_atomic_store(&g_stopping, true, release);
    thread_call_cancel_wait(g_flush_call);       /* waits for a running callout */
    if (!thread_call_free(g_flush_call))
        return KERN_FAILURE;                     /* refuse unload rather than crash */
    return KERN_SUCCESS;
}
\`\`\``,
      },
    ],
  },
  {
    title:
      'vnode_getwithref returns ENOENT in my async completion during umount -f — is my node still valid?',
    tags: ['kernel'],
    author: 'nfs_nora',
    ago: '5mo',
    views: 188,
    boosts: 2,
    body: `Our network file system completes some RPCs on a worker thread. The completion needs the vnode:

\`\`\`c
static void
qfs_rpc_done(struct qfs_req *req)
{
    struct qfs_node *np = req->r_np;
    vnode_t vp = np->n_vnode;

    if (vnode_getwithref(vp) != 0) {
        /* ENOENT during forced unmount */
        qfs_req_free(req);
        return;
    }
    qfs_apply_attrs(np, &req->r_attrs);
    vnode_put(vp);
    qfs_req_free(req);
}
\`\`\`

During \`umount -f\` with requests in flight, \`vnode_getwithref\` returns \`ENOENT\`, which I handle. But KASAN (test kernel from the KDK) occasionally flags a use-after-free on \`np->n_vnode\` itself, *before* the call. The node was freed by \`vnop_reclaim\`. How are async completions supposed to coordinate with reclaim?`,
    replies: [
      {
        author: 'vfs_hacker',
        ago: '4mo',
        boosts: 8,
        body: `\`ENOENT\` from \`vnode_getwithref\` tells you the vnode is dead, but it can't protect **your** node: by then \`vnop_reclaim\` may already have freed it, which is what KASAN is telling you. Forced unmount reclaims vnodes no matter what references you hold, so the node has to outlive its outstanding requests on its own:

\`\`\`c
/* when issuing a request */
os_atomic_inc(&np->n_inflight, relaxed);
req->r_np = np;

/* in completion, after you're done with np */
if (os_atomic_dec(&np->n_inflight, release) == 0)
    wakeup(&np->n_inflight);

/* in vnop_reclaim, before freeing np */
lck_mtx_lock(&np->n_lock);
np->n_flag |= NRECLAIMING;            /* completions see this and skip the vnode */
while (os_atomic_load(&np->n_inflight, acquire) != 0)
    msleep(&np->n_inflight, &np->n_lock, PINOD, "qfs_drain", NULL);
lck_mtx_unlock(&np->n_lock);
\`\`\`

Better still, cancel in-flight RPCs in \`vfs_unmount\` with \`MNT_FORCE\` before VFS starts reclaiming, so the drain is short.`,
      },
    ],
  },
  {
    title:
      'Decoding "Kernel data abort" on Apple silicon: what do esr 0x96000006 and far 0x18 tell me?',
    tags: ['kernel'],
    author: 'panic_reader',
    ago: '20mo',
    views: 977,
    boosts: 6,
    body: `I keep seeing panics like this from customers and I'd like to understand the register dump instead of just pattern matching:

\`\`\`text
panic(cpu 3 caller 0xfffffe0025c8f2a0): Kernel data abort. at pc 0xfffffe0049a2e3b4, lr 0xfffffe0049a2e39c (saved state: 0xfffffe6c8e1f3340)
	  x0:  0x0000000000000000 x1:  0xfffffe1d34a2c000  x2:  0x0000000000000010  x3:  0x0000000000000000
	  x4:  0x0000000000000001 x5:  0x0000000000000000  x6:  0xfffffe1d34a2c010  x7:  0x0000000000000000
	  x8:  0xfffffe1c02b8e940 x9:  0x0000000000000018  x10: 0x0000000000000000  x11: 0x0000000000000000
	  ...
	  fp:  0xfffffe6c8e1f36a0 lr:  0xfffffe0049a2e39c  sp:  0xfffffe6c8e1f3690
	  pc:  0xfffffe0049a2e3b4 cpsr: 0x60401208         esr: 0x96000006          far: 0x0000000000000018
\`\`\`

The pc is in our kext. I can symbolicate it, but what do \`esr\` and \`far\` actually say?`,
    replies: [
      {
        author: 'mara_kdk',
        ago: '19mo',
        boosts: 13,
        body: `Break the ESR into fields:

\`\`\`text
esr = 0x96000006 = 1001 0110 0000 0000 0000 0000 0000 0110
  EC   [31:26] = 100101 = 0x25  data abort taken at the same exception level (kernel)
  IL   [25]    = 1              32-bit instruction
  ISS  [24:0]  = 0x000006
    WnR  [6]   = 0              it was a READ
    DFSC [5:0] = 000110 = 0x06  translation fault, level 2 (nothing mapped there)

far = 0x0000000000000018        the address being read
\`\`\`

So: a load from address \`0x18\`. That's almost always a **NULL pointer plus a field offset**. \`x0\` is 0, so look for something like \`ldr xN, [x0, #0x18]\` at the pc:

\`\`\`sh
(lldb) disassemble -s 0xfffffe0049a2e3a0 -c 8
\`\`\`

Then find the struct with a field at offset \`0x18\` in that function (\`offsetof\` or \`ptype/o\` in lldb) and you usually know which pointer was NULL. A \`far\` that looks like a real kernel address with \`DFSC\` 0x07 (level 3) points toward a freed or unmapped object instead.`,
      },
    ],
  },
  {
    title: 'IOUserClient2022: clients get kIOReturnBadArgument for a variable-length struct input',
    tags: ['kernel', 'iokit'],
    author: 'iokit_ines',
    ago: '11mo',
    views: 429,
    boosts: 3,
    body: `I moved our user client to \`IOUserClient2022\` and a dispatch table. One selector takes a header plus a variable number of entries. Since the change, calls with more than zero entries fail with \`0xe00002c2\` (\`kIOReturnBadArgument\`) before my method is even called:

\`\`\`cpp
const IOExternalMethodDispatch2022 AcmeUserClient::sMethods[kAcmeMethodCount] = {
    [kAcmeSetRules] = {
        .function                 = &AcmeUserClient::sSetRules,
        .checkScalarInputCount    = 0,
        .checkStructureInputSize  = sizeof(AcmeRulesHeader),
        .checkScalarOutputCount   = 0,
        .checkStructureOutputSize = 0,
        .allowAsync               = false,
        .checkEntitlement         = "com.acme.rules-client",
    },
};

IOReturn AcmeUserClient::externalMethod(uint32_t selector,
                                        IOExternalMethodArgumentsOpaque *args)
{
    return dispatchExternalMethod(selector, args, sMethods, kAcmeMethodCount, this, nullptr);
}
\`\`\`

What's the right way to declare a variable-sized structure input?`,
    replies: [
      {
        author: 'driverkit_dan',
        ago: '10mo',
        boosts: 7,
        body: `Use \`kIOUCVariableStructureSize\` for that field, and validate the size yourself in the method:

\`\`\`cpp
    [kAcmeSetRules] = {
        .function                 = &AcmeUserClient::sSetRules,
        .checkStructureInputSize  = kIOUCVariableStructureSize,
        ...
    },

IOReturn AcmeUserClient::sSetRules(OSObject *target, void *ref, IOExternalMethodArguments *args)
{
    size_t len = args->structureInputSize;
    const auto *hdr = static_cast<const AcmeRulesHeader *>(args->structureInput);
    if (len < sizeof(*hdr) || hdr->count > kAcmeMaxRules ||
        len != sizeof(*hdr) + (size_t)hdr->count * sizeof(AcmeRule))
        return kIOReturnBadArgument;
    return static_cast<AcmeUserClient *>(target)->setRules(hdr);
}
\`\`\`

Check \`count\` against a maximum *before* the multiplication, as above. Also note that struct inputs larger than a page arrive as \`structureInputDescriptor\` rather than \`structureInput\`, so either cap the size or handle both.`,
      },
    ],
  },
  {
    title:
      "'zone map exhausted' panic only on 8 GB M1 machines — how do I find which zone is leaking?",
    tags: ['kernel'],
    author: 'zone_allocator',
    ago: '15mo',
    views: 858,
    boosts: 5,
    body: `After 3–4 days of uptime, some 8 GB M1 machines running our kext panic:

\`\`\`text
panic(cpu 6 caller 0xfffffe002215c3f8): zalloc[3]: zone map exhausted while allocating from zone [data.kalloc.1024],
  likely due to memory leak in zone [kalloc.type2.256] (2.71G, 11376214 elements allocated) @zalloc.c:4381
OS version: 23G80
\`\`\`

16 GB and larger machines don't panic (or haven't yet). I assume the culprit zone named in the message is real, but many types share a kalloc.type zone. How do I find out whether it's us, and which allocation?`,
    replies: [
      {
        author: 'panic_reader',
        ago: '14mo',
        boosts: 9,
        body: `The zone map scales with physical memory, which is why small machines hit the wall first. The same leak is just slower to kill a 32 GB machine.

Watch the zone grow on a test machine while you exercise your kext:

\`\`\`sh
# elements in use for the suspect zone, once a minute
while true; do
  date +%T
  sudo zprint -d kalloc.type2.256
  sleep 60
done
\`\`\`

If it grows with your workload and drops when you unload the kext's feature (or the kext), it's you. To find the allocation site, enable zone logging for that zone on a test machine (\`zlog=kalloc.type2.256\`) and look at backtraces of the allocations that were never freed. Also check which of your types are 129–256 bytes and contain pointers: those are your candidates for that zone.`,
      },
      {
        author: 'zone_allocator',
        ago: '13mo',
        boosts: 3,
        body: `Found it: our \`struct scan_req\` (232 bytes) wasn't freed when the daemon cancelled a scan during the brief window before the request was queued. \`zprint\` showed ~40k elements/hour of growth during our scan test; after the fix it's flat. Thanks!`,
      },
    ],
  },
  {
    title: 'Is it safe to cache_enter a vnode that might be in the middle of reclaim?',
    tags: ['kernel'],
    author: 'vfs_hacker',
    ago: '17mo',
    views: 333,
    boosts: 2,
    body: `In our \`vnop_lookup\`, after finding the node in our hash, we enter the name in the cache:

\`\`\`c
np = qfs_hash_lookup(dnp, cnp->cn_nameptr, cnp->cn_namelen);
if (np != NULL) {
    vp = np->n_vnode;
    if ((cnp->cn_flags & MAKEENTRY) && cnp->cn_nameiop == LOOKUP)
        cache_enter(dvp, vp, cnp);
    error = vnode_getwithvid(vp, np->n_vid);
    ...
}
\`\`\`

A reviewer asked what happens if \`vp\` is being reclaimed when we call \`cache_enter\`. I'm not sure. Do I need to hold something first?`,
    replies: [
      {
        author: 'fskit_fan',
        ago: '16mo',
        boosts: 8,
        body: `Your reviewer is right to ask. \`cache_enter\` expects you to hold an **iocount** on \`vp\` (and \`dvp\`), and you don't have one until \`vnode_getwithvid\` succeeds. Swap the order:

\`\`\`c
vp = np->n_vnode;
vid = np->n_vid;
if ((error = vnode_getwithvid(vp, vid)) != 0)
    goto retry;                                   /* recycled under us: look up again */
if ((cnp->cn_flags & MAKEENTRY) && cnp->cn_nameiop == LOOKUP)
    cache_enter(dvp, vp, cnp);
*ap->a_vpp = vp;                                  /* returned with the iocount held */
\`\`\`

With the iocount held, the vnode can't finish reclaim under you, and if it had already started, \`vnode_getwithvid\` fails and you never touch the name cache.`,
      },
      {
        author: 'vfs_hacker',
        ago: '15mo',
        boosts: 1,
        body: 'Reordered, thanks. The old code had been there since 2016, which shows how rare the window is, but I would rather not find out the hard way.',
      },
    ],
  },
  {
    title:
      'keepsyms=1 has no effect on Apple silicon panic logs — my kext frames are still bare addresses',
    tags: ['kernel'],
    author: 'usb_wrangler',
    ago: '17mo',
    views: 610,
    boosts: 2,
    body: `On Intel, \`keepsyms=1\` gave me symbol names right in the panic log. On Apple silicon, with the same boot-arg set:

\`\`\`sh
% nvram boot-args
boot-args	keepsyms=1 debug=0x104c44
\`\`\`

…the panic log only has \`lr:\`/\`fp:\` pairs, no names at all, not even for kernel frames:

\`\`\`text
Panicked thread: 0xfffffe1b2c3d4e50, backtrace: 0xfffffe6c1a2b3c40, tid: 4121
\t\t  lr: 0xfffffe0018c4a3d0  fp: 0xfffffe6c1a2b3cd0
\t\t  lr: 0xfffffe0018d1f4a8  fp: 0xfffffe6c1a2b3d40
\t\t  lr: 0xfffffe0019b2c6f0  fp: 0xfffffe6c1a2b3da0
\t\t  lr: 0xfffffe0019b2b1a4  fp: 0xfffffe6c1a2b3e10
\t\t  lr: 0xfffffe0018c0f2e4  fp: 0xfffffe6c1a2b3e80
      Kernel Extensions in backtrace:
         com.example.acmeusb(2.4)[7C2E91A0-5B3D-3F48-A6E1-0D9F4B2C8E73]@0xfffffe0019b28000->0xfffffe0019b33fff
\`\`\`

Is the boot-arg ignored, or am I setting it wrong (Reduced Security is on)?`,
    replies: [
      {
        author: 'panic_reader',
        ago: '16mo',
        boosts: 7,
        body: `It's not you: Apple silicon panic logs don't include symbol names in the backtrace, whatever the boot-args say. Symbolicate offline instead. The pinned thread at the top of this tag walks through it, but the short version for your kext:

\`\`\`sh
# load address: "Kernel Extensions in backtrace" line of the panic
atos -arch arm64e \\
     -o AcmeUSB.kext.dSYM/Contents/Resources/DWARF/AcmeUSB \\
     -l 0xfffffe0019b28000 \\
     0xfffffe0019b2c6f0 0xfffffe0019b2b1a4
\`\`\`

For kernel frames, use the KDK kernel matching the build, plus the \`Kernel slide\` from the panic header.`,
      },
    ],
  },
  {
    title:
      'Isochronous USB capture: selecting the alternate setting fails with kIOReturnNoBandwidth behind a hub',
    tags: ['kernel', 'usb'],
    author: 'driverkit_dan',
    ago: '6mo',
    views: 156,
    boosts: 1,
    body: `Our full-speed isochronous capture device works when plugged directly into the Mac. Behind a powered USB 2.0 hub (shared with a keyboard and a webcam), selecting the streaming alternate setting fails:

\`\`\`cpp
IOReturn AcmeIsoc::startStreaming()
{
    IOReturn ret = fInterface->selectAlternateSetting(kAltSettingHighRate);   // alt 3, 1023 B/frame
    if (ret != kIOReturnSuccess) {
        IOLog("AcmeIsoc: selectAlternateSetting(3) failed 0x%08x\\n", ret);   // 0xe00002ec
        return ret;
    }
    fIsocPipe = fInterface->copyPipe(kIsocInEndpoint);
    if (fIsocPipe == nullptr)
        return kIOReturnNotFound;
    return queueFrames();
}
\`\`\`

\`0xe00002ec\` is \`kIOReturnNoBandwidth\`. The webcam is idle. Is there a way to reserve bandwidth, or make the webcam give it up?`,
    replies: [
      {
        author: 'usb_wrangler',
        ago: '5mo',
        boosts: 5,
        body: `A full-speed device behind a high-speed hub goes through the hub's **transaction translator**, and the TT's periodic budget is much smaller than the bus's. Other devices' interrupt endpoints (the keyboard, the webcam's status endpoint) take a bite even when idle. Bandwidth is reserved when you select the alternate setting; there's no "reserve" call beyond that.

The usual approach is to walk down the alternate settings until one fits, and report a lower rate to the app:

\`\`\`cpp
static const uint8_t kAlts[] = { 3, 2, 1 };    // 1023, 512, 256 bytes/frame

for (uint8_t alt : kAlts) {
    ret = fInterface->selectAlternateSetting(alt);
    if (ret == kIOReturnSuccess) { fCurrentAlt = alt; break; }
    if (ret != kIOReturnNoBandwidth) return ret;
}
\`\`\`

And select alt 0 when you stop streaming, so you give the bandwidth back. Otherwise your *own* device blocks the next start after a hub reset.`,
      },
    ],
  },
  {
    title: 'sf_unregistered never called, so my socket filter kext can never unload',
    tags: ['kernel', 'network-extension'],
    author: 'tcp_tinkerer',
    ago: '4mo',
    views: 81,
    boosts: 0,
    body: `Our stop routine unregisters the filter and waits for \`sf_unregistered\` before allowing unload:

\`\`\`c
kern_return_t
tf_stop(kmod_info_t *ki, void *d)
{
    if (!g_unregister_started) {
        sflt_unregister(TF_HANDLE_V4);
        g_unregister_started = true;
    }
    return g_unregistered ? KERN_SUCCESS : KERN_FAILURE;   /* set in sf_unregistered */
}
\`\`\`

\`kmutil unload -b com.example.tf\` fails forever, and \`g_unregistered\` never becomes true. In \`sf_attach\`, we \`sock_retain(so)\` so our worker thread can inject later, and we \`sock_release(so)\` in \`sf_detach\`. Where's the leak?`,
    replies: [
      {
        author: 'lena_netext',
        ago: '3mo',
        boosts: 4,
        body: `That's your leak. It's circular: the filter's \`sf_detach\` for a socket only runs when the socket goes away, but the socket can't go away while you hold a \`sock_retain\` on it, and you release that retain only in \`sf_detach\`. \`sf_unregistered\` waits for every socket to drop the filter, so it never comes.

Release the retain when your worker is done with the socket (after the last injection, or on a timeout), not in \`sf_detach\`:

\`\`\`c
static void
tf_worker_done(struct tf_conn *c)
{
    socket_t so = c->so;
    c->so = NULL;                 /* under c->lock */
    sock_release(so);             /* socket can now close normally */
}
\`\`\`

And log the number of sockets you still hold retains on in \`tf_stop\`. It makes this class of bug obvious.`,
      },
    ],
  },
]
