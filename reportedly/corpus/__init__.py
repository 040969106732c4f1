"""Working across articles: canonical quote text, speakers, wire copies, clusters, tracing, graph."""
