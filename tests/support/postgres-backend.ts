// setupFiles of the PostgreSQL run: test services in this file use the run's cluster (test-database.ts).
process.env.LURELENS_TEST_BACKEND = 'postgres';
