/**
 * Word lists and templates for generated threads. Bodies come from pools built once per run (a few
 * thousand distinct question, reply and comment texts), so the importer renders each text once, while
 * titles are combined per thread so tag pages and search results read like a real developer forum.
 */
import type { Random } from './random.js'

/** The first tag is the busiest (Zipf rank 0); the bench scenarios read /tags/kernel. */
export const TAG_SLUGS = [
  'kernel',
  'driverkit',
  'network-extension',
  'fskit',
  'endpoint-security',
  'usb',
  'iokit',
  'pci',
  'memory',
  'scheduling',
  'filesystems',
  'bluetooth',
  'virtualization',
  'security',
  'debugging',
  'performance',
  'power',
  'audio',
  'graphics',
  'storage',
  'thunderbolt',
  'serial',
  'hid',
  'camera',
  'codesigning',
  'notarization',
  'xcode',
  'swift',
  'c-and-cpp',
  'rust',
  'linker',
  'dtrace',
  'instruments',
  'crash-reports',
  'launchd',
  'xpc',
  'sandbox',
  'entitlements',
  'packet-tunnel',
  'content-filter',
  'dns-proxy',
  'vpn',
  'wifi',
  'ethernet',
  'sockets',
  'tcp-ip',
  'quic',
  'apfs',
  'smb',
  'nfs',
]

export const IDENTIFIERS = [
  'vnode_put',
  'vnode_get',
  'vnode_recycle',
  'cache_enter',
  'cache_purge',
  'kmem_alloc',
  'zalloc',
  'zfree',
  'lck_mtx_lock',
  'lck_rw_lock_shared',
  'thread_call_enter',
  'IOService::start',
  'IOService::terminate',
  'IOUserClient::externalMethod',
  'IOMemoryDescriptor::prepare',
  'IODMACommand',
  'mbuf_copydata',
  'mbuf_pullup',
  'sflt_register',
  'sock_inject_data_in',
  'ifnet_input',
  'OSKext',
  'kmutil',
  'es_new_client',
  'es_respond_auth_result',
  'NEPacketTunnelProvider',
  'NEFilterDataProvider',
  'FSUnaryFileSystem',
  'IOUSBHostInterface',
  'IOPCIDevice::mapDeviceMemoryWithRegister',
  'dispatch_async',
  'os_log',
  'task_for_pid',
  'mach_vm_read',
  'proc_pidinfo',
  'sysctlbyname',
  'kqueue',
  'EVFILT_VNODE',
  'getattrlistbulk',
  'fcntl(F_FULLFSYNC)',
  'posix_spawn',
  'xpc_connection_send_message',
  'SecStaticCodeCheckValidity',
  'DriverKit::IOUserServer',
  'OSAction::Create',
  'IOInterruptDispatchSource',
  'IOTimerDispatchSource',
  'ml_set_interrupts_enabled',
  'copyin',
  'copyout',
]

const SYMPTOMS = [
  'panics under memory pressure',
  'returns EINVAL after a wake from sleep',
  'deadlocks when two threads race',
  'leaks a reference on every call',
  'hangs until the watchdog fires',
  'is never called after an unload',
  'fails with kIOReturnNotPermitted',
  'corrupts data past 4 GB',
  'is slow on Apple silicon',
  'crashes in the completion handler',
  'drops packets above 1 Gbit/s',
  'reports the wrong size',
  'blocks the main thread',
  'stops after the first interrupt',
  'loses events under load',
  'fails notarization',
  'times out when the disk is busy',
  'double-frees a buffer',
  'trips a zone element corruption check',
  'returns stale attributes',
]

const CONTEXTS = [
  'on macOS 15.2',
  'on macOS 26.1',
  'after upgrading Xcode',
  'in a system extension',
  'with SIP disabled',
  'on an M2 MacBook Air',
  'on Intel only',
  'when the lid closes',
  'during a network change',
  'with FileVault on',
  'under Rosetta',
  'in a VM',
  'with 64 KB pages',
  'from a launch daemon',
  'in a sandboxed app',
  '',
  '',
  '',
]

const OPENERS = [
  'I am porting our product to the current release and ran into this.',
  'We have shipped this code for three years without trouble; the new OS changed something.',
  'This only reproduces on customer machines, roughly once a day.',
  'I am new to kernel work, so I may be missing something obvious.',
  'A minimal reproduction is below; it fails every time on my test machine.',
  'The documentation is silent on this, and the headers do not say either.',
  'Our crash reporter collected a few hundred of these in the last week.',
  'I bisected it to a change in how we take the lock.',
]

const DETAILS = [
  'The call succeeds, but a later `{id}` sees a freed object.',
  'Logging shows `{id}` returning before the completion runs.',
  'If I add a sleep before `{id}` the problem goes away, which suggests a race.',
  'Instruments shows most of the time inside `{id}`.',
  'With zone debugging on, the panic moves to `{id}`.',
  'Calling `{id}` twice makes it worse, not better.',
  'The same code works when `{id}` runs on a dispatch queue instead.',
  'The error comes back from `{id}` with no log message at all.',
]

const QUESTIONS = [
  'Is this expected, and what is the supported way to do it?',
  'Who owns the reference at this point?',
  'Is there a tool that shows which side holds the lock?',
  'Should I file a bug, or am I holding it wrong?',
  'What changed in this release that could explain it?',
  'How do other drivers handle this?',
]

const CODE_C = [
  'static int\nqfs_vnop_reclaim(struct vnop_reclaim_args *ap)\n{\n    vnode_t vp = ap->a_vp;\n    struct qfs_node *np = VTOQ(vp);\n\n    lck_mtx_lock(&np->n_lock);\n    {id_c}(vp);\n    lck_mtx_unlock(&np->n_lock);\n    return 0;\n}',
  'kern_return_t\nMyDriver::Start_Impl(IOService *provider)\n{\n    kern_return_t ret = Start(provider, SUPERDISPATCH);\n    if (ret != kIOReturnSuccess)\n        return ret;\n    ret = {id_c}(provider);\n    return ret;\n}',
  'errno_t\nmy_filter_data_in(void *cookie, socket_t so, const struct sockaddr *from,\n                  mbuf_t *data, mbuf_t *control, sflt_data_flag_t flags)\n{\n    size_t len = mbuf_pkthdr_len(*data);\n    if (len > MAX_INSPECT)\n        return 0;\n    return {id_c}(*data, 0, len, buffer);\n}',
  'for (int i = 0; i < count; i++) {\n    void *p = zalloc(my_zone);\n    if (p == NULL)\n        break;\n    {id_c}(p);\n}',
]

const CODE_SH = [
  '% sudo kmutil load -p /Library/Extensions/Counter.kext\nError Domain=KMErrorDomain Code=31 "Could not use \'com.example.counter\'"',
  '% log show --predicate \'subsystem == "com.example.driver"\' --last 5m\nerror: {id}: returned 0xe00002c2',
  '% systemextensionsctl list\n1 extension(s)\n--- com.apple.system_extension.driver_extension\nenabled active teamID bundleID (version) name [state]\n*  *  ABCDE12345 com.example.driver (1.0/1) Driver [activated enabled]',
]

const CODE_LOG = [
  'panic(cpu 1 caller 0xfffffe0012345678): "zalloc: zone element modified after free" @zalloc.c:1283\nBacktrace (CPU 1), Frame : Return Address\n0xfffffe3c1b2a3f40 : 0xfffffe0012a1b2c4 mach_kernel : _handle_debugger_trap + 0x4a8\n0xfffffe3c1b2a3f90 : 0xfffffe0012b4c5d8 mach_kernel : _{id_c} + 0x60',
  'Thread 3 Crashed:: Dispatch queue: com.example.io\n0   libsystem_kernel.dylib  0x1a2b3c4d5 __pthread_kill + 8\n1   MyDriver                0x100004a2c {id_c} + 120\n2   libdispatch.dylib       0x1a2b30001 _dispatch_call_block_and_release + 32',
]

const REPLY_OPENERS = [
  'You are dropping the last reference too early.',
  'This is a known change in the current release.',
  'Take the lock before you look at the object, not after.',
  'I hit the same thing last year.',
  'Check the return value of every call in that path first.',
  'The supported way to do this is different since the move to system extensions.',
  'Short answer: do not call it from interrupt context.',
  'Can you post the full panic log? The backtrace is cut off.',
]

const REPLY_DETAILS = [
  'Take an iocount with `{id}` first and drop it only after the completion has run.',
  'Move the work to a thread call; `{id}` may block, and you are holding a spin lock.',
  'Use `{id}` with the right options; the default changed and the old behaviour is gone.',
  'Run it under `zprint` and watch the zone: if it grows, `{id}` is leaking.',
  'File a feedback report with a sysdiagnose; `{id}` should never return that.',
  'The documentation for `{id}` says the caller owns the result.',
]

const COMMENTS = [
  'That fixed it, thanks.',
  'Same here on the previous release.',
  'Could you share the exact build number?',
  'Confirmed: the panic is gone after this change.',
  'Does this also apply to DriverKit?',
  'Thanks, that explains the timing.',
  'I filed a report about the documentation.',
  'Still seeing it with the lock taken, sadly.',
]

const LOG_FILES = [
  'panic-full.log',
  'kernel.log',
  'trace.txt',
  'ioreg.txt',
  'crash-report.ips.txt',
  'system-extension.log',
]

function fill(template: string, random: Random): string {
  const id = random.pick(IDENTIFIERS)
  return template.replaceAll('{id_c}', id.replace(/\W+/g, '_')).replaceAll('{id}', id)
}

export function makeTitle(random: Random): string {
  const context = random.pick(CONTEXTS)
  return `${random.pick(IDENTIFIERS)} ${random.pick(SYMPTOMS)}${context ? ` ${context}` : ''}`
}

export function makeQuestionBody(random: Random): string {
  const parts = [random.pick(OPENERS), fill(random.pick(DETAILS), random)]
  const kind = random.next()
  if (kind < 0.45) parts.push(`\`\`\`c\n${fill(random.pick(CODE_C), random)}\n\`\`\``)
  else if (kind < 0.65) parts.push(`\`\`\`sh\n${fill(random.pick(CODE_SH), random)}\n\`\`\``)
  else if (kind < 0.8) parts.push(`\`\`\`\n${fill(random.pick(CODE_LOG), random)}\n\`\`\``)
  if (random.chance(0.5)) parts.push(fill(random.pick(DETAILS), random))
  if (random.chance(0.3)) parts.push(`- ${fill(random.pick(DETAILS), random)}\n- ${random.pick(CONTEXTS) || 'on every release'}`)
  parts.push(`**${random.pick(QUESTIONS)}**`)
  return parts.join('\n\n')
}

export function makeReplyBody(random: Random): string {
  const parts = [random.pick(REPLY_OPENERS), fill(random.pick(REPLY_DETAILS), random)]
  if (random.chance(0.3)) parts.push(`\`\`\`c\n${fill(random.pick(CODE_C), random)}\n\`\`\``)
  if (random.chance(0.4)) parts.push(fill(random.pick(REPLY_DETAILS), random))
  return parts.join('\n\n')
}

export function makeComment(random: Random): string {
  return random.pick(COMMENTS)
}

/** A text attachment: a log of 40–120 lines. */
export function makeAttachment(random: Random): { name: string; content: string } {
  const lines: string[] = []
  const n = random.int(40, 120)
  for (let i = 0; i < n; i++)
    lines.push(
      `2025-0${random.int(1, 9)}-1${random.int(0, 9)} 10:${random.int(10, 59)}:${random.int(10, 59)}.${random.int(100, 999)} kernel[0]: ${fill('{id}', random)}: status 0x${random.int(0, 0xffff).toString(16)}`,
    )
  return { name: random.pick(LOG_FILES), content: `${lines.join('\n')}\n` }
}
