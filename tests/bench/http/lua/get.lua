-- Plain GET; only adds the machine-readable summary line.
dofile((os.getenv("BENCH_LUA_DIR") or ".") .. "/report.lua")
