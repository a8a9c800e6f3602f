# _datetime in C: construction, arithmetic, comparison, hashing, subclasses.
import _datetime
import datetime
from datetime import date, time, datetime as dt, timedelta as td, timezone, tzinfo

print(datetime.date is _datetime.date, datetime.MINYEAR, datetime.MAXYEAR, datetime.UTC is timezone.utc)

# timedelta: normalization, float rounding, big values
for args, kw in [((1, 2, 3), {}), ((), {'hours': 1.5, 'minutes': 0.25}), ((-1, 5), {}),
                 ((), {'seconds': 0.5, 'microseconds': 0.5}), ((), {'microseconds': 1.5}),
                 ((), {'microseconds': 2.5}), ((), {'weeks': 3, 'days': -0.1}), ((), {'milliseconds': -1.0005}),
                 ((999999999,), {}), ((-999999999,), {}), ((0, 86400 * 10**6),{}), ((1e-7,), {})]:
    t = td(*args, **kw)
    print(repr(t), str(t), t.days, t.seconds, t.microseconds, t.total_seconds())
print(td(microseconds=2**62) // 2**40, td(seconds=2**40) * 3 // 3, td.min, td.max, td.resolution, repr(td.min), td.max.total_seconds())
a, b = td(days=3, hours=4), td(minutes=-7, microseconds=13)
print(a + b, a - b, -a, +b, abs(b), a * 3, 3 * a, a * -2.5, a / 7, a / 0.3, a / b, a // b, a // 5, a % b,
      divmod(a, b), a * 10**8 // 10**8, bool(td()), bool(b))
print(a == td(3, 14400), a != b, a < b, a >= b, hash(a) == hash(td(hours=76)), td(1) / 3, td(1) / -3)
print(td(microseconds=5) / 2, td(microseconds=7) / 2, td(microseconds=-5) / 2, td(microseconds=15) * 0.1)
print(sorted([td(1), td(-1), td(0, 1)]), {td(1): 1}[td(hours=24)])

# date
d = date(2020, 2, 29)
print(d, repr(d), d.year, d.month, d.day, d.toordinal(), d.weekday(), d.isoweekday(), d.ctime())
print(d.isocalendar(), d.isocalendar().week, tuple(d.isocalendar()), date(2003, 12, 30).isocalendar(),
      date(2005, 1, 1).isocalendar(), date(2004, 12, 31).isocalendar())
print(d + td(days=400), td(days=-1) + d, d - td(1), d - date(2000, 1, 1), date.fromordinal(737850),
      date.fromisocalendar(2020, 53, 7), d.replace(day=1), d.replace(year=2021, day=28))
print(date.min, date.max, date.resolution, d.timetuple())
print(d == date(2020, 2, 29), d < date(2020, 3, 1), d == dt(2020, 2, 29), dt(2020, 2, 29) == d, d != "x")
print(hash(d) == hash(date(2020, 2, 29)), len({d, date(2020, 2, 29), date(2020, 3, 1)}))

# time
t = time(12, 30, 15, 500, fold=1)
print(t, repr(t), t.hour, t.minute, t.second, t.microsecond, t.tzinfo, t.fold, time.min, time.max, time.resolution)
print(repr(time()), repr(time(1, 2)), repr(time(1, 2, 3)), repr(time(0, 0, 0, 1)), bool(time()))
tz5 = timezone(td(hours=5))
print(time(12, tzinfo=tz5) == time(7, tzinfo=timezone.utc), time(12, tzinfo=tz5) < time(8, tzinfo=timezone.utc),
      time(1) == time(1, tzinfo=tz5), time(1) != time(1, tzinfo=tz5), t == t.replace(fold=0))
print(hash(time(12, tzinfo=tz5)) == hash(time(7, tzinfo=timezone.utc)), t.replace(hour=3, tzinfo=tz5))

# datetime
x = dt(2021, 3, 4, 5, 6, 7, 890)
print(x, repr(x), x.date(), x.time(), x.timetz(), x.ctime(), x.timetuple(), x.utctimetuple())
print(x + td(hours=20), x - td(days=400), x - dt(2020, 1, 1), td(1) + x, dt.min, dt.max, dt.resolution)
print(dt.combine(date(2000, 1, 1), time(1, 2, tzinfo=tz5)), dt.combine(date(2000, 1, 1), time(1), tz5),
      dt.fromordinal(3), x.replace(year=1999, microsecond=0), x.replace(tzinfo=tz5))
y = dt(2021, 3, 4, 10, 6, 7, 890, tzinfo=tz5)
z = dt(2021, 3, 4, 5, 6, 7, 890, tzinfo=timezone.utc)
print(y == z, y - z, z - y, y < z, hash(y) == hash(z), y.utcoffset(), y.dst(), y.tzname(), y.timestamp())
print(y.astimezone(timezone.utc), z.astimezone(tz5), y.astimezone(tz5) is y, y.utctimetuple())
print(x == z, x != z)
for f in (lambda: x < z, lambda: x - z, lambda: x < d, lambda: d - x, lambda: x + x, lambda: td(1) < 1):
    try:
        print(f())
    except TypeError as e:
        print('TypeError', e)

# subclasses keep their type through arithmetic and the class methods
class D(date):
    pass
class DT(dt):
    def __new__(cls, *a, **kw):
        r = super().__new__(cls, *a, **kw)
        r.extra = 1
        return r
class T(td):
    pass
class Tm(time):
    pass
print(type(D(1, 2, 3) + td(1)).__name__, type(D.today()).__name__, type(D.fromordinal(5)).__name__,
      type(D(1, 1, 1).replace(year=2)).__name__, repr(D(1, 2, 3)))
e = DT(2000, 1, 1, 12)
print(type(e + td(1)).__name__, (e + td(1)).extra, type(DT.fromtimestamp(0, timezone.utc)).__name__,
      type(DT.combine(d, t)).__name__, type(e.replace(hour=1)).__name__, type(e.date()).__name__, repr(e))
print(type(DT.fromisoformat('2000-01-01')).__name__, type(DT.strptime('2000', '%Y')).__name__,
      type(e.astimezone(timezone.utc)).__name__, DT.fromisoformat('2000-01-01T00:00').extra)
print(repr(T(1, 2)), type(T(1) + T(1)).__name__, type(-T(1)).__name__, T(1) == td(1), repr(Tm(1, 2)),
      type(Tm.fromisoformat('01:02')).__name__, isinstance(e, date))

# the reflected forms CPython's number slots give every type
print(td(1).__rtruediv__(td(2)), td(1).__rfloordiv__(td(3)), td(1).__rmod__(td(3, 5)), td(1).__rdivmod__(td(3)),
      td(1).__rtruediv__(2), date(2000, 1, 2).__rsub__(date(2000, 1, 1)), x.__rsub__(x + td(1)), x.__rsub__(d),
      date(2000, 1, 2).__rsub__(x), timezone.utc.__lt__(timezone.utc), sorted(set(dir(td)) - set(dir(object)) - {"__module__"}))
