-- Reads one doctor's live queue in one atomic step, so that the current token, the positions
-- and the ETAs all come from the same projected snapshot (the eta-calculator writes a snapshot
-- in one script too). Token detail keys are derived inside the script: fine on a single Redis,
-- to be declared as KEYS before Redis Cluster is used.
--
-- KEYS[1] doctor:{doctorId}:status   KEYS[2] doctor:{doctorId}:current   KEYS[3] queue:doctor:{doctorId}:active
--
-- Returns {status or '', current token id or '', {tokenNumber, priority} of the current token,
--          {{tokenId, position, tokenNumber, priority, etaMinutesP50, etaMinutesP90}, ...} in position order}

local function details(tokenId, ...)
  return redis.call('HMGET', 'token:' .. tokenId .. ':details', ...)
end

local status = redis.call('GET', KEYS[1]) or ''
local current = redis.call('GET', KEYS[2]) or ''
local currentDetails = {}
if current ~= '' then
  currentDetails = details(current, 'tokenNumber', 'priority')
end

local waiting = {}
local members = redis.call('ZRANGE', KEYS[3], 0, -1, 'WITHSCORES')
for i = 1, #members, 2 do
  local d = details(members[i], 'tokenNumber', 'priority', 'etaMinutesP50', 'etaMinutesP90')
  waiting[#waiting + 1] = {members[i], members[i + 1], d[1], d[2], d[3], d[4]}
end

return {status, current, currentDetails, waiting}
