// Test-only. The test evaluates its attacks in this worker's scope (see hostile.test.mjs).
self.attackerReady = true;
