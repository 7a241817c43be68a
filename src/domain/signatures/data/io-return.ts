/**
 * IOKit's IOReturn values (iokit/IOKit/IOReturn.h). A code is `sys_iokit | sub | low bits`, so
 * kIOReturnBadArgument is iokit_common_err(0x2c2) = 0xe00002c2, printed as a signed int -536870206.
 * `message` is the header's comment, which is also what mach_error_string() shows after "(iokit/common) ".
 * kIOReturnSuccess is left out on purpose: it is not an error.
 * To extend: add a row with the full 32-bit code (family headers such as IOUSBHostFamily define more).
 */
export interface IoReturnEntry {
  name: string
  /** The full unsigned 32-bit code. */
  code: number
  message: string | null
}

/** sys_iokit (err_system(0x38)): the top six bits of every IOKit error. */
export const SYS_IOKIT = 0xe0000000

const common = (low: number) => SYS_IOKIT + low
/** sub_iokit_usb = err_sub(1). */
const usb = (low: number) => SYS_IOKIT + (1 << 14) + low

export const IO_RETURN: readonly IoReturnEntry[] = [
  { name: 'kIOReturnError', code: common(0x2bc), message: 'general error' },
  { name: 'kIOReturnNoMemory', code: common(0x2bd), message: "can't allocate memory" },
  { name: 'kIOReturnNoResources', code: common(0x2be), message: 'resource shortage' },
  { name: 'kIOReturnIPCError', code: common(0x2bf), message: 'error during IPC' },
  { name: 'kIOReturnNoDevice', code: common(0x2c0), message: 'no such device' },
  { name: 'kIOReturnNotPrivileged', code: common(0x2c1), message: 'privilege violation' },
  { name: 'kIOReturnBadArgument', code: common(0x2c2), message: 'invalid argument' },
  { name: 'kIOReturnLockedRead', code: common(0x2c3), message: 'device read locked' },
  { name: 'kIOReturnLockedWrite', code: common(0x2c4), message: 'device write locked' },
  { name: 'kIOReturnExclusiveAccess', code: common(0x2c5), message: 'exclusive access and device already open' },
  { name: 'kIOReturnBadMessageID', code: common(0x2c6), message: 'sent/received messages had different msg_id' },
  { name: 'kIOReturnUnsupported', code: common(0x2c7), message: 'unsupported function' },
  { name: 'kIOReturnVMError', code: common(0x2c8), message: 'misc. VM failure' },
  { name: 'kIOReturnInternalError', code: common(0x2c9), message: 'internal error' },
  { name: 'kIOReturnIOError', code: common(0x2ca), message: 'General I/O error' },
  { name: 'kIOReturnCannotLock', code: common(0x2cc), message: "can't acquire lock" },
  { name: 'kIOReturnNotOpen', code: common(0x2cd), message: 'device not open' },
  { name: 'kIOReturnNotReadable', code: common(0x2ce), message: 'read not supported' },
  { name: 'kIOReturnNotWritable', code: common(0x2cf), message: 'write not supported' },
  { name: 'kIOReturnNotAligned', code: common(0x2d0), message: 'alignment error' },
  { name: 'kIOReturnBadMedia', code: common(0x2d1), message: 'Media Error' },
  { name: 'kIOReturnStillOpen', code: common(0x2d2), message: 'device(s) still open' },
  { name: 'kIOReturnRLDError', code: common(0x2d3), message: 'rld failure' },
  { name: 'kIOReturnDMAError', code: common(0x2d4), message: 'DMA failure' },
  { name: 'kIOReturnBusy', code: common(0x2d5), message: 'Device Busy' },
  { name: 'kIOReturnTimeout', code: common(0x2d6), message: 'I/O Timeout' },
  { name: 'kIOReturnOffline', code: common(0x2d7), message: 'device offline' },
  { name: 'kIOReturnNotReady', code: common(0x2d8), message: 'not ready' },
  { name: 'kIOReturnNotAttached', code: common(0x2d9), message: 'device not attached' },
  { name: 'kIOReturnNoChannels', code: common(0x2da), message: 'no DMA channels left' },
  { name: 'kIOReturnNoSpace', code: common(0x2db), message: 'no space for data' },
  { name: 'kIOReturnPortExists', code: common(0x2dd), message: 'port already exists' },
  { name: 'kIOReturnCannotWire', code: common(0x2de), message: "can't wire down physical memory" },
  { name: 'kIOReturnNoInterrupt', code: common(0x2df), message: 'no interrupt attached' },
  { name: 'kIOReturnNoFrames', code: common(0x2e0), message: 'no DMA frames enqueued' },
  { name: 'kIOReturnMessageTooLarge', code: common(0x2e1), message: 'oversized msg received on interrupt port' },
  { name: 'kIOReturnNotPermitted', code: common(0x2e2), message: 'not permitted' },
  { name: 'kIOReturnNoPower', code: common(0x2e3), message: 'no power to device' },
  { name: 'kIOReturnNoMedia', code: common(0x2e4), message: 'media not present' },
  { name: 'kIOReturnUnformattedMedia', code: common(0x2e5), message: 'media not formatted' },
  { name: 'kIOReturnUnsupportedMode', code: common(0x2e6), message: 'no such mode' },
  { name: 'kIOReturnUnderrun', code: common(0x2e7), message: 'data underrun' },
  { name: 'kIOReturnOverrun', code: common(0x2e8), message: 'data overrun' },
  { name: 'kIOReturnDeviceError', code: common(0x2e9), message: 'the device is not working properly' },
  { name: 'kIOReturnNoCompletion', code: common(0x2ea), message: 'a completion routine is required' },
  { name: 'kIOReturnAborted', code: common(0x2eb), message: 'operation aborted' },
  { name: 'kIOReturnNoBandwidth', code: common(0x2ec), message: 'bus bandwidth would be exceeded' },
  { name: 'kIOReturnNotResponding', code: common(0x2ed), message: 'device not responding' },
  { name: 'kIOReturnIsoTooOld', code: common(0x2ee), message: 'isochronous I/O request for distant past' },
  { name: 'kIOReturnIsoTooNew', code: common(0x2ef), message: 'isochronous I/O request for distant future' },
  { name: 'kIOReturnNotFound', code: common(0x2f0), message: 'data was not found' },
  { name: 'kIOReturnInvalid', code: common(0x1), message: 'should never be seen' },
  // IOUSBHostFamily (sub_iokit_usb).
  { name: 'kIOUSBPipeStalled', code: usb(0x4f), message: null },
  { name: 'kIOUSBTransactionReturned', code: usb(0x50), message: null },
  { name: 'kIOUSBTransactionTimeout', code: usb(0x51), message: null },
]
