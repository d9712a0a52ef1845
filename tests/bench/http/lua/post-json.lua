-- POST the same JSON body on every request, with a bearer token when one is
-- given. BENCH_BODY: the body; BENCH_TOKEN: the access token (optional);
-- BENCH_LUA_DIR: this folder (for report.lua).
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY") or "{}"
wrk.headers["Content-Type"] = "application/json"
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
   wrk.headers["Authorization"] = "Bearer " .. token
end
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/report.lua")
