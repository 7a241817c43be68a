/** Resolves once `check` holds, polling every 5 ms; throws after `withinMs` (default 3 s). */
export async function until(
  check: () => boolean | Promise<boolean>,
  withinMs = 3000,
): Promise<void> {
  const deadline = Date.now() + withinMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`the condition did not hold within ${withinMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
