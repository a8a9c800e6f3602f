# time: struct_time, strftime/asctime/ctime/mktime, argument errors
import time
g = time.gmtime(1234567890)
print(g)
print(g.tm_zone, g.tm_gmtoff, len(g), g[-1], g[:3], g == tuple(g), type(g).__name__, isinstance(g, tuple))
print(time.strftime('%a %A %b %B %d %H %I %j %m %M %p %S %U %w %W %y %Y %%', g))
print(time.asctime(g), '|', time.asctime((2000, 1, 1, 0, 0, 0, 5, 1, 0)), '|', time.ctime(0))
print(time.gmtime(-1.5).tm_sec, time.gmtime(1.9).tm_sec, time.gmtime(86400 * 365.25 * 30).tm_year)
print(time.strftime('%Y-%m-%d', (2000, 0, 0, 0, 0, 0, 0, 0, 0)), time.strftime('', g), repr(time.strftime('x', g)))
s = time.struct_time((2001, 2, 3, 4, 5, 6, 0, 34, 0))
print(s, s.tm_yday, s.tm_zone)
t = time.localtime(1000000)
print(time.mktime(t), time.mktime(time.localtime(0)))
print(time.timezone, time.altzone, time.daylight, time.tzname)
print(type(time.time_ns()).__name__, type(time.monotonic_ns()).__name__, type(time.process_time_ns()).__name__)
print(time.thread_time() >= 0, time.monotonic() > 0, abs(time.time_ns() / 1e9 - time.time()) < 1)
for bad in [lambda: time.strftime('%Y', (1, 2, 3)), lambda: time.strftime('%Y', 5),
            lambda: time.strftime('%Y', (2000, 13, 1, 0, 0, 0, 0, 1, 0)),
            lambda: time.strftime('%Y', (2000, 1, 1, 24, 0, 0, 0, 1, 0)),
            lambda: time.mktime((1, 2)), lambda: time.asctime((2000, 1, 1, 0, 0, 0, 0, 1)),
            lambda: time.sleep(-1), lambda: time.sleep('a'), lambda: time.gmtime('x'),
            lambda: time.gmtime(1e30), lambda: time.struct_time((1, 2, 3)),
            lambda: time.gmtime(float('nan')), lambda: time.strftime(1),
            lambda: time.strftime('%Y', ('a', 1, 1, 0, 0, 0, 0, 1, 0))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
t0 = time.perf_counter()
time.sleep(0.01)
print(time.perf_counter() - t0 >= 0.009)
