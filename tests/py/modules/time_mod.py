# time: only deterministic properties
import time
t0 = time.time(); m0 = time.monotonic(); p0 = time.perf_counter(); n0 = time.perf_counter_ns(); c0 = time.process_time()
time.sleep(0.02)
print(time.time() >= t0, time.monotonic() - m0 >= 0.015, time.perf_counter() > p0, time.perf_counter_ns() > n0, time.process_time() >= c0)
print(type(time.time()).__name__, type(time.perf_counter_ns()).__name__, t0 > 1600000000)
g = time.gmtime(0)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, g.tm_wday, g.tm_yday, g[0])
g2 = time.gmtime(1700000000)
print(tuple(g2)[:6], time.strftime('%Y-%m-%d %H:%M:%S', g2), time.strftime('%a %b %d %j', g2))
l = time.localtime()
print(type(l).__name__, 1 <= l.tm_mon <= 12, len(tuple(l)))
print(time.strftime('%Y', time.gmtime(86400 * 366)), time.strftime('%%'))
time.sleep(0)
