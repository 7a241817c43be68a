/** Flags for the node that runs the server (`npm start` and the load benchmark). */
export const SERVER_NODE_FLAGS: readonly string[]
