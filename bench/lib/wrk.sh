# Helpers for reading wrk's output, shared by the benchmark scripts (sourced).

to_ms() { # a wrk latency ("512.00us", "1.23ms", "2.01s", "1.50m") in milliseconds
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000
    printf "%.3f", n
  }'
}
