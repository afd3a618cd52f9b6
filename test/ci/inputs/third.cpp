// A translation unit without findings: shards and summaries count it.
int third() { return 3; }
