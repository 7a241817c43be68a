import type { DemoTag } from '../demo.types.js'

/** The demo forum's tags, in the order the tag directory lists them when counts tie. */
export const demoTags: DemoTag[] = [
  {
    slug: 'kernel',
    name: 'Kernel',
    description:
      'Build kernel extensions and reason about the XNU kernel: VFS, zones, locking, panics.',
  },
  {
    slug: 'driverkit',
    name: 'DriverKit',
    description: 'Write drivers that run in user space with DriverKit and its system extensions.',
  },
  {
    slug: 'network-extension',
    name: 'Network Extension',
    description:
      'Filter, proxy and tunnel traffic with content filters, packet tunnels and DNS proxies.',
  },
  {
    slug: 'fskit',
    name: 'FSKit',
    description: 'Implement file systems in user space with FSKit modules.',
  },
  {
    slug: 'endpoint-security',
    name: 'Endpoint Security',
    description:
      'Monitor and authorise process, file and network events with Endpoint Security clients.',
  },
  {
    slug: 'usb',
    name: 'USB',
    description:
      'Talk to USB devices from drivers and apps: descriptors, pipes, power and hot plug.',
  },
  {
    slug: 'iokit',
    name: 'IOKit',
    description: 'Match, register and talk to IOKit services, user clients and the I/O Registry.',
  },
]
