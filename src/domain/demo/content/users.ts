import type { DemoUser } from '../demo.types.js'

/** The demo forum's people. Thread and reply authors must be one of these usernames. */
export const demoUsers: DemoUser[] = [
  { username: 'quinn_dts', title: 'DTS Engineer', role: 'moderator', joined: '40mo' },
  { username: 'mara_kdk', title: 'Core OS Engineer', role: 'moderator', joined: '36mo' },
  { username: 'forum_admin', role: 'admin', joined: '48mo' },
  { username: 'vfs_hacker', joined: '30mo' },
  { username: 'tcp_tinkerer', joined: '28mo' },
  { username: 'usb_wrangler', joined: '26mo' },
  { username: 'driverkit_dan', joined: '25mo' },
  { username: 'lena_netext', joined: '24mo' },
  { username: 'panic_reader', joined: '22mo' },
  { username: 'esf_builder', joined: '20mo' },
  { username: 'fskit_fan', joined: '18mo' },
  { username: 'iokit_ines', joined: '17mo' },
  { username: 'zone_allocator', joined: '16mo' },
  { username: 'mbuf_mike', joined: '15mo' },
  { username: 'sandbox_sam', joined: '14mo' },
  { username: 'arm64_anya', joined: '13mo' },
  { username: 'kext_keeper', joined: '12mo' },
  { username: 'pcie_pat', joined: '10mo' },
  { username: 'nfs_nora', joined: '8mo' },
  { username: 'newbie_ned', joined: '3mo' },
]
