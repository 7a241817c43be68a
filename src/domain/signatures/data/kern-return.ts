/**
 * Mach's kern_return_t values (osfmk/mach/kern_return.h) with the text mach_error_string() gives them
 * ("(os/kern) invalid argument"). KERN_SUCCESS is left out on purpose: it is not an error.
 * To extend: add a row; `message` is matched after the "(os/kern) " prefix, null when unsure of the wording.
 */
export interface KernReturnEntry {
  name: string
  number: number
  message: string | null
}

export const KERN_RETURN: readonly KernReturnEntry[] = [
  { name: 'KERN_INVALID_ADDRESS', number: 1, message: 'invalid address' },
  { name: 'KERN_PROTECTION_FAILURE', number: 2, message: 'protection failure' },
  { name: 'KERN_NO_SPACE', number: 3, message: 'no space available' },
  { name: 'KERN_INVALID_ARGUMENT', number: 4, message: 'invalid argument' },
  { name: 'KERN_FAILURE', number: 5, message: 'failure' },
  { name: 'KERN_RESOURCE_SHORTAGE', number: 6, message: 'resource shortage' },
  { name: 'KERN_NOT_RECEIVER', number: 7, message: 'not receiver' },
  { name: 'KERN_NO_ACCESS', number: 8, message: 'no access' },
  { name: 'KERN_MEMORY_FAILURE', number: 9, message: 'memory failure' },
  { name: 'KERN_MEMORY_ERROR', number: 10, message: 'memory error' },
  { name: 'KERN_ALREADY_IN_SET', number: 11, message: 'already in set' },
  { name: 'KERN_NOT_IN_SET', number: 12, message: 'not in set' },
  { name: 'KERN_NAME_EXISTS', number: 13, message: 'name exists' },
  { name: 'KERN_ABORTED', number: 14, message: 'aborted' },
  { name: 'KERN_INVALID_NAME', number: 15, message: 'invalid name' },
  { name: 'KERN_INVALID_TASK', number: 16, message: 'invalid task' },
  { name: 'KERN_INVALID_RIGHT', number: 17, message: 'invalid right' },
  { name: 'KERN_INVALID_VALUE', number: 18, message: 'invalid value' },
  { name: 'KERN_UREFS_OVERFLOW', number: 19, message: 'urefs overflow' },
  { name: 'KERN_INVALID_CAPABILITY', number: 20, message: 'invalid capability' },
  { name: 'KERN_RIGHT_EXISTS', number: 21, message: 'right exists' },
  { name: 'KERN_INVALID_HOST', number: 22, message: 'invalid host' },
  { name: 'KERN_MEMORY_PRESENT', number: 23, message: 'memory present' },
  { name: 'KERN_MEMORY_DATA_MOVED', number: 24, message: 'memory data moved' },
  { name: 'KERN_MEMORY_RESTART_COPY', number: 25, message: 'memory restart copy' },
  { name: 'KERN_INVALID_PROCESSOR_SET', number: 26, message: 'invalid processor set' },
  { name: 'KERN_POLICY_LIMIT', number: 27, message: 'policy limit' },
  { name: 'KERN_INVALID_POLICY', number: 28, message: 'invalid policy' },
  { name: 'KERN_INVALID_OBJECT', number: 29, message: 'invalid object' },
  { name: 'KERN_ALREADY_WAITING', number: 30, message: 'already waiting' },
  { name: 'KERN_DEFAULT_SET', number: 31, message: 'default set' },
  { name: 'KERN_EXCEPTION_PROTECTED', number: 32, message: 'exception protected' },
  { name: 'KERN_INVALID_LEDGER', number: 33, message: 'invalid ledger' },
  { name: 'KERN_INVALID_MEMORY_CONTROL', number: 34, message: 'invalid memory control' },
  { name: 'KERN_INVALID_SECURITY', number: 35, message: 'invalid security' },
  { name: 'KERN_NOT_DEPRESSED', number: 36, message: 'not depressed' },
  { name: 'KERN_TERMINATED', number: 37, message: 'terminated' },
  { name: 'KERN_LOCK_SET_DESTROYED', number: 38, message: 'lock set destroyed' },
  { name: 'KERN_LOCK_UNSTABLE', number: 39, message: 'lock unstable' },
  { name: 'KERN_LOCK_OWNED', number: 40, message: 'lock owned by another' },
  { name: 'KERN_LOCK_OWNED_SELF', number: 41, message: 'lock owned by self' },
  { name: 'KERN_SEMAPHORE_DESTROYED', number: 42, message: 'semaphore destroyed' },
  { name: 'KERN_RPC_SERVER_TERMINATED', number: 43, message: 'RPC server terminated' },
  { name: 'KERN_RPC_TERMINATE_ORPHAN', number: 44, message: 'RPC terminate orphan' },
  { name: 'KERN_RPC_CONTINUE_ORPHAN', number: 45, message: 'RPC continue orphan' },
  { name: 'KERN_NOT_SUPPORTED', number: 46, message: 'not supported' },
  { name: 'KERN_NODE_DOWN', number: 47, message: 'node down' },
  { name: 'KERN_NOT_WAITING', number: 48, message: 'not waiting' },
  { name: 'KERN_OPERATION_TIMED_OUT', number: 49, message: 'operation timed out' },
  { name: 'KERN_CODESIGN_ERROR', number: 50, message: 'code signature error' },
  { name: 'KERN_POLICY_STATIC', number: 51, message: null },
  { name: 'KERN_INSUFFICIENT_BUFFER_SIZE', number: 52, message: null },
  { name: 'KERN_DENIED', number: 53, message: null },
  { name: 'KERN_MISSING_KC', number: 54, message: null },
  { name: 'KERN_INVALID_KC', number: 55, message: null },
  { name: 'KERN_NOT_FOUND', number: 56, message: null },
]
