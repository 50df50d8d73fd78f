/**
 * The preset dictionary of share codes of codec version 2: JSON text a
 * scenario usually holds (each kind's fields with the values a new node
 * gets, the starter), so deflate can point back into it instead of spelling
 * out every `"kind":"server","workers":4`. A ten-node link is under half as
 * long with it (share-link-length.test.ts).
 *
 * Frozen: every version-2 link ever shared inflates against these exact
 * bytes (url-codec.test.ts pins their checksum). A better dictionary needs a
 * new codec version, with this one kept for reading. Deflate reaches the end
 * of a dictionary with the shortest distances, so the most common text is last.
 */
export const SHARE_DICTIONARY_V2 =
  '"cdn","edges":["cache","strategy":"writeThrough","eviction":"lfu","capacity":1000,"ttl":60,"keys":{"type":"zipf","alpha":1.1},' +
  '"algorithm":"leastConnections","leastResponseTime","consistentHash","ipHash","weighted","random","powerOfTwo","healthCheck":{"interval":' +
  '"sessions":"sticky","sessionStore","{"type":"constant","value":0.01},{"type":"uniform","min":"max":{"type":"lognormal","mean":0.004,"cv":0.5},' +
  '"closed","users":50,"thinkTime":"latency":0.01},"description":"","seed":1,"duration":60,' +
  '"version":3,"name":"Two servers behind a load balancer","warmup":5,"nodes":[' +
  '{"id":"client-1","label":"Users","position":{"x":0,"y":140},"kind":"client","workload":{"mode":"open","rate":40},"timeout":2,"writeRatio":0.1},' +
  '{"id":"cdn-1","label":"CDN 1","position":{"x":0,"y":140},"kind":"cdn"},' +
  '{"id":"lb-1","label":"Load balancer 1","position":{"x":260,"y":140},"kind":"loadBalancer"},' +
  '{"id":"cache-1","label":"Cache 1","position":{"x":520,"y":280},"kind":"cache"},' +
  '{"id":"database-1","label":"Database 1","position":{"x":780,"y":140},"kind":"database","workers":8,"queueCapacity":200,' +
  '"readTime":{"type":"exponential","mean":0.005},"writeTime":{"type":"exponential","mean":0.02}},' +
  '{"id":"server-1","label":"Server 1","position":{"x":520,"y":20},"kind":"server","workers":4,"queueCapacity":100,"serviceTime":{"type":"exponential","mean":0.05}},' +
  '{"id":"server-2","label":"API server 2","position":{"x":520,"y":260},"kind":"server","workers":4,"queueCapacity":100,"serviceTime":{"type":"exponential","mean":0.05}}],' +
  '"links":[{"id":"link-1","from":"client-1","to":"lb-1"},{"id":"link-2","from":"lb-1","to":"server-1"},{"id":"link-3","from":"lb-1","to":"server-2"},' +
  '{"id":"link-4","from":"server-1","to":"database-1"},{"id":"link-5","from":"server-2","to":"database-1"}]}';
