// n8n-core logs every failed node at info level; tests assert on errors themselves.
process.env.N8N_LOG_LEVEL = 'silent';
