-- Writes one doctor's queue snapshot into the screen-facing keys, atomically, unless Redis
-- already holds this version or a newer one (replays and out-of-order deliveries change nothing).
--
-- (key names: the schemas' LiveStateKeys)
-- KEYS[1] queue:doctor:{doctorId}:version     KEYS[2] queue:doctor:{doctorId}:active
-- KEYS[3] doctor:{doctorId}:current           KEYS[4] doctor:{doctorId}:status
-- KEYS[5] dept:{deptId}:queue_count           KEYS[6] dept:{deptId}:in_line_by_doctor
-- KEYS[7..] token:{tokenId}:details, one per entry of ARGV[8], in the same order
--
-- ARGV[1] snapshot version      ARGV[2] doctor id          ARGV[3] doctor status
-- ARGV[4] status TTL seconds    ARGV[5] token id in consultation, '' when none
-- ARGV[6] tokens in line        ARGV[7] JSON [[tokenId, position], ...]
-- ARGV[8] JSON [{"set": {field: value}, "del": [field, ...], "ttl": seconds (0 = keep)}, ...]; set.eventAt orders writes per token
-- ARGV[9] channel announcing applied snapshots   ARGV[10] the announcement (JSON LiveQueueChange)
--
-- Returns 1 when applied, 0 when the snapshot was not newer.

local applied = tonumber(redis.call('GET', KEYS[1]) or '0')
if applied >= tonumber(ARGV[1]) then
  return 0
end

redis.call('DEL', KEYS[2])
for _, member in ipairs(cjson.decode(ARGV[7])) do
  redis.call('ZADD', KEYS[2], member[2], member[1])
end

if ARGV[5] == '' then
  redis.call('DEL', KEYS[3])
else
  redis.call('SET', KEYS[3], ARGV[5])
end

redis.call('SET', KEYS[4], ARGV[3], 'EX', ARGV[4])

-- A token moved to another doctor is in both doctors' snapshots for a while (their partitions run
-- independently): its details keep the snapshot with its later event (eventAt, epoch microseconds).
for i, token in ipairs(cjson.decode(ARGV[8])) do
  local key = KEYS[6 + i]
  local stored = redis.call('HGET', key, 'eventAt')
  local at = token.set.eventAt
  if not stored or not at or tonumber(stored) <= tonumber(at) then
    for field, value in pairs(token.set) do
      redis.call('HSET', key, field, value)
    end
    if #token.del > 0 then
      redis.call('HDEL', key, unpack(token.del))
    end
    if token.ttl > 0 then
      redis.call('EXPIRE', key, token.ttl)
    end
  end
end

-- Each doctor owns one field of the department's hash, so doctors of one department never
-- overwrite each other's count; the department total is their sum.
redis.call('HSET', KEYS[6], ARGV[2], ARGV[6])
local total = 0
for _, count in ipairs(redis.call('HVALS', KEYS[6])) do
  total = total + tonumber(count)
end
redis.call('SET', KEYS[5], tostring(total))

redis.call('SET', KEYS[1], ARGV[1])
redis.call('PUBLISH', ARGV[9], ARGV[10])
return 1
