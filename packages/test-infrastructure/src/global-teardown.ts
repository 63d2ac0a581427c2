/** Jest global teardown: stops what the global setup started (containers), if anything. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.klyngeTestInfrastructure?.stop();
}
