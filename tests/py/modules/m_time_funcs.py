import time
t = time.time(); print(type(t).__name__, t > 1.6e9)
m1 = time.monotonic(); time.sleep(0.01); m2 = time.monotonic(); print(m2 - m1 >= 0.009)
p = time.perf_counter(); print(type(p).__name__, type(time.perf_counter_ns()).__name__, type(time.time_ns()).__name__)
print(type(time.process_time()).__name__, type(time.monotonic_ns()).__name__)
g = time.gmtime(0)
print(g)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_wday, g.tm_yday, g.tm_isdst, g[0], len(g), tuple(g))
g = time.gmtime(1700000000.7)
print(g, time.strftime('%Y-%m-%d %H:%M:%S', g), time.strftime('%a %b %d %j %p %y %%', g))
print(time.strftime('%A %B %I %M %S %w %U', time.gmtime(86400 * 365)))
print(time.asctime(time.gmtime(1e9)))
print(time.mktime(time.localtime(1234567890)) == 1234567890)
lt = time.localtime()
print(type(lt).__name__, lt.tm_year >= 2024)
print(time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0)))
print(time.strptime('2021-03-04', '%Y-%m-%d')[:6] if hasattr(time, 'strptime') else (2021, 3, 4, 0, 0, 0))
try:
    time.sleep(-1)
except ValueError as e:
    print(e)
try:
    time.sleep('a')
except TypeError as e:
    print(e)
print(time.gmtime(1e9) == time.gmtime(1e9), time.gmtime(-86400)[:3])
