-- Ends every wrk run with one machine-readable line (the benchmark scripts
-- parse it instead of wrk's rounded text). Latencies are in microseconds;
-- `status_errors` counts responses with a status above 399.
function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "RESULT requests=%d duration_us=%d bytes=%d rps=%.1f mean_us=%.0f p50_us=%d p90_us=%d p99_us=%d max_us=%d status_errors=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d\n",
      summary.requests, summary.duration, summary.bytes,
      summary.requests / (summary.duration / 1e6), latency.mean,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
      e.status, e.connect, e.read, e.write, e.timeout))
end
