// npm run solve: the solver arrives with its own issue; until then this says so.
console.error('solve: the solver is not built yet (not yet). Use `npm run validate` to check a hand-made plan.');
process.exit(1);
