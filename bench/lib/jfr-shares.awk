# Reads `jfr print --events jdk.ExecutionSample --stack-depth 128` and prints, per kind of work, the share of the
# execution samples spent in it and that share of the run's server CPU per request (cpu_us, passed with -v). A sample
# belongs to the kind of the frame nearest its top that names one (a HashMap resize called by Liberty's security code
# is security's): kinds do not overlap and add up to 100 %, so two endpoints' tables compare line by line.
#   jfr print ... | awk -v label=redirect -v cpu_us=142 -f bench/lib/jfr-shares.awk
BEGIN {
  kinds = "web container and HTTP channel=com\\.ibm\\.ws\\.(webcontainer|http\\.channel|tcpchannel)" \
    "|security (JASPI filter, caller principal)=com\\.ibm\\.ws\\.security|JAX-RS (RESTEasy)=org\\.jboss\\.resteasy" \
    "|JSON-B (Yasson)=org\\.eclipse\\.yasson|Bean Validation=org\\.hibernate\\.validator" \
    "|EJB container and transactions=com\\.ibm\\.(ejs\\.(container|csi)|ws\\.ejbcontainer|tx|ws\\.tx|ws\\.uow)" \
    "|JPA (EclipseLink)=org\\.eclipse\\.persistence|com\\.ibm\\.ws\\.jpa" \
    "|JDBC pool and driver=com\\.ibm\\.(ejs\\.j2c|ws\\.rsadapter)|org\\.mariadb|org\\.apache\\.derby" \
    "|CDI (Weld proxies, contexts)=org\\.jboss\\.weld|REST metrics=io\\.openliberty\\.(microprofile\\.metrics|http\\.monitor)|smallrye\\.metrics" \
    "|rate limiter=platform\\.(rest\\.)?ratelimit|link cache=shortener\\.application\\.cache" \
    "|click counting and pipeline=ClickAggregat|shortener\\.application\\.clicks|JMS and messaging engine=com\\.ibm\\.ws\\.sib|jakarta\\.jms|com\\.ibm\\.ws\\.messaging" \
    "|ID generator=io\\.practicalsystems\\.idgen|Redis client (Jedis)=redis\\.clients" \
    "|the shortener's own code=io\\.practicalsystems\\.shortener|the application's servlet filters=io\\.practicalsystems\\.platform\\.(problem|rest\\.security)" \
    "|resource method (all of its call tree)=rest\\.(RedirectResource|PingResource)" \
    "|document store client (MongoDB driver, JNoSQL)=com\\.mongodb|org\\.bson|org\\.eclipse\\.jnosql" \
    "|embedded document store (mongo-java-server, H2)=de\\.bwaldvogel|org\\.h2" \
    "|page fetch (HttpClient 5)=org\\.apache\\.hc|HTML parse (jsoup)=org\\.jsoup" \
    "|content fingerprint (SHA-256, SimHash)=crawler\\.dedup|the crawler's own code=io\\.practicalsystems\\.crawler"
  # awk has no look-ahead: split on "|" then glue alternatives (pieces without "=") back onto the kind before them
  nk = 0; m = split(kinds, parts, "|")
  for (i = 1; i <= m; i++) {
    if (index(parts[i], "=") > 0) { nk++; eq = index(parts[i], "="); name[nk] = substr(parts[i], 1, eq - 1); pat[nk] = substr(parts[i], eq + 1) }
    else pat[nk] = pat[nk] "|" parts[i]
  }
}
/^jdk.ExecutionSample/ { if (inside) tally(); inside = 1; next }
inside && kind == 0 { for (k = 1; k <= nk; k++) if ($0 ~ pat[k]) { kind = k; break } }
function tally() { n++; count[kind]++; kind = 0 }
END {
  if (inside) tally()
  if (n == 0) { print "JFR: no execution samples in the " label " run"; exit }
  printf "JFR, %s run: %d execution samples, server CPU %s us/request\n", label, n, cpu_us
  name[0] = "other (JDK, JVM, threads)"
  for (k = 0; k <= nk; k++) printf "  %-45s %5.1f %% of samples  ~%4.0f us/request\n", name[k], 100 * count[k] / n, count[k] / n * cpu_us
}
