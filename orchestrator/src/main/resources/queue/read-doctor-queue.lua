-- Reads one doctor's live queue in one atomic step, so that the current token, the positions
-- and the ETAs all come from the same projected snapshot (the eta-calculator writes a snapshot
-- in one script too). Token detail keys are derived inside the script: fine on a single Redis,
-- to be declared as KEYS before Redis Cluster is used. Key and field names come from the
-- schemas' LiveStateKeys / TokenDetailsField.
--
-- KEYS[1] doctor status   KEYS[2] doctor's current token   KEYS[3] doctor's queue (sorted set)
-- KEYS[4] the version of the doctor's projected snapshot
-- ARGV[1], ARGV[2] prefix and suffix of a token's details key
-- ARGV[3..6] detail fields: token number, priority, ETA P50, ETA P90
--
-- Returns {status or '', current token id or '', {tokenNumber, priority} of the current token,
--          {{tokenId, position, tokenNumber, priority, etaMinutesP50, etaMinutesP90}, ...} in position order,
--          version or '0'}

local function detailsKey(tokenId)
  return ARGV[1] .. tokenId .. ARGV[2]
end

local status = redis.call('GET', KEYS[1]) or ''
local current = redis.call('GET', KEYS[2]) or ''
local currentDetails = {}
if current ~= '' then
  currentDetails = redis.call('HMGET', detailsKey(current), ARGV[3], ARGV[4])
end

local waiting = {}
local members = redis.call('ZRANGE', KEYS[3], 0, -1, 'WITHSCORES')
for i = 1, #members, 2 do
  local d = redis.call('HMGET', detailsKey(members[i]), ARGV[3], ARGV[4], ARGV[5], ARGV[6])
  waiting[#waiting + 1] = {members[i], members[i + 1], d[1], d[2], d[3], d[4]}
end

return {status, current, currentDetails, waiting, redis.call('GET', KEYS[4]) or '0'}
