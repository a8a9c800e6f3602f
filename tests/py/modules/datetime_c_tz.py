# _datetime in C: tzinfo, timezone, local time (fold, gaps) through localtime_r, and error messages.
import os
import time as _time
os.environ['TZ'] = 'EST+05EDT,M3.2.0,M11.1.0'
_time.tzset()
from datetime import date, time, datetime as dt, timedelta as td, timezone, tzinfo

# local time: the repeated hour of November and the skipped one of March
for ts in (1636262999, 1636263000, 1636264800, 1636266599, 1636266600, 1615705199, 1615705200):
    x = dt.fromtimestamp(ts)
    print(ts, repr(x), x.timestamp(), repr(x.astimezone()), x.astimezone().tzname())
for fold in (0, 1):
    a = dt(2021, 11, 7, 1, 30, fold=fold)
    b = dt(2021, 3, 14, 2, 30, fold=fold)
    print(a.timestamp(), b.timestamp(), repr(a.astimezone(timezone.utc)), repr(b.astimezone(timezone.utc)))
print(repr(dt.fromtimestamp(1.5e9, timezone.utc)), repr(dt.utcfromtimestamp(-1.25)), repr(date.fromtimestamp(86399.9)),
      repr(dt.fromtimestamp(0.0000005)), repr(dt.fromtimestamp(0.0000015)), repr(dt.fromtimestamp(-0.0000005)))
print(repr(dt(2000, 6, 1, 12).astimezone(timezone(td(hours=9)))), dt(2000, 1, 1).timestamp())
print(type(dt.now()).__name__, type(dt.utcnow()).__name__, type(date.today()).__name__, dt.now(timezone.utc).tzinfo)

class Eastern(tzinfo):          # the classic US rules, as in CPython's docs
    def utcoffset(self, d): return td(hours=-5) + self.dst(d)
    def dst(self, d):
        if d is None or d.tzinfo is None:
            return td(0)
        start = dt(d.year, 3, 8, 2) + td(days=6 - dt(d.year, 3, 8).weekday())
        end = dt(d.year, 11, 1, 1) + td(days=6 - dt(d.year, 11, 1).weekday())
        return td(hours=1) if start <= d.replace(tzinfo=None) < end else td(0)
    def tzname(self, d): return 'EDT' if self.dst(d) else 'EST'
    def __repr__(self): return 'Eastern()'
E = Eastern()
u = dt(2021, 7, 1, 16, tzinfo=timezone.utc)
print(repr(u.astimezone(E)), u.astimezone(E).tzname(), E.fromutc(dt(2021, 1, 1, 12, tzinfo=E)))
w = dt(2021, 7, 1, 12, tzinfo=E)
print(w.utcoffset(), w.dst(), w.tzname(), w.timetuple().tm_isdst, w == u, hash(w) == hash(u), w - u, w.isoformat())
print(time(1, tzinfo=E).utcoffset(), time(1, tzinfo=E).tzname(), time(1, tzinfo=E).isoformat())

# timezone
z = timezone(td(hours=5, minutes=30), 'IST')
print(repr(z), str(z), z.utcoffset(None), z.dst(None), z.tzname(None), z.fromutc(dt(2000, 1, 1, tzinfo=z)))
print(str(timezone(td(0))), timezone(td(0)) is timezone.utc, repr(timezone(td(0), 'UTC')), str(timezone(td(seconds=-1))),
      str(timezone(td(microseconds=1))), timezone(td(hours=1)) == timezone(td(hours=1), 'x'), z != timezone.utc,
      hash(timezone(td(hours=1))) == hash(td(hours=1)), z.__getinitargs__(), timezone.utc.__getinitargs__())
print(timezone.utc == 0, {timezone.utc: 1}[timezone(td(0), 'u')])

def err(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class Bad(tzinfo):
    def __init__(self, v): self.v = v
    def utcoffset(self, d): return self.v
    def dst(self, d): return self.v
    def tzname(self, d): return self.v
for v in (1, td(days=1), td(hours=-24), 'x', None):
    err(lambda: dt(2000, 1, 1, tzinfo=Bad(v)).utcoffset())
    err(lambda: dt(2000, 1, 1, tzinfo=Bad(v)).tzname())
    err(lambda: time(tzinfo=Bad(v)).dst())
for f in [lambda: timezone(1), lambda: timezone(td(1)), lambda: timezone(td(0), 1), lambda: timezone(td(hours=-24)),
          lambda: z.utcoffset(1), lambda: z.tzname(date(1, 1, 1)), lambda: z.fromutc(dt(1, 1, 1)), lambda: z.fromutc(1),
          lambda: tzinfo().utcoffset(None), lambda: tzinfo().dst(None), lambda: tzinfo().tzname(None),
          lambda: tzinfo().fromutc(dt(1, 1, 1)), lambda: Bad(None).fromutc(dt(1, 1, 1, tzinfo=Bad(None))),
          lambda: date(1, 2), lambda: date(1, 2, 3, 4), lambda: date(1, 2, 3, x=1), lambda: date(1, 2, day=3, year=1),
          lambda: dt(1, 2), lambda: time(1, 2, 3, 4, None, 5), lambda: time(fold=2), lambda: time(24),
          lambda: time(0, 60), lambda: time(0, 0, 60), lambda: time(0, 0, 0, 10**6), lambda: date(0, 1, 1),
          lambda: date(10000, 1, 1), lambda: date(1, 13, 1), lambda: date(2001, 2, 29), lambda: date(1.5, 2, 3),
          lambda: date(2**40, 1, 1), lambda: dt(1, 1, 1, tzinfo=1), lambda: td('x'), lambda: td(days=1e20),
          lambda: td(10**10), lambda: td(1000000000), lambda: td(1) / 0, lambda: td(1) / 0.0, lambda: td(1) // 0,
          lambda: td(1) % td(0), lambda: td(1) * 'a', lambda: td(1) * 1e300, lambda: dt.max + td(1),
          lambda: date.min - td(1), lambda: dt.fromtimestamp('x'), lambda: dt.fromtimestamp(1e20),
          lambda: dt.fromtimestamp(float('nan')), lambda: date.fromordinal(0), lambda: date.fromisocalendar(2020, 54, 1),
          lambda: date.fromisocalendar(2020, 1, 8), lambda: date.fromisocalendar(0, 1, 1),
          lambda: date.fromisocalendar(2**40, 1, 1), lambda: date(1, 1, 1).strftime(1),
          lambda: time().isoformat(timespec='x'), lambda: dt(1, 1, 1).isoformat(sep='ab'),
          lambda: dt(1, 1, 1).isoformat(1), lambda: dt.combine(1, 2), lambda: dt.combine(date(1, 1, 1), 2),
          lambda: time(1).__format__(1), lambda: dt(1, 1, 1) < date(1, 1, 1), lambda: time() < time(tzinfo=z),
          lambda: dt(1, 1, 1) - dt(1, 1, 1, tzinfo=z), lambda: dt(1, 1, 1, tzinfo=z) > dt(1, 1, 1),
          lambda: td(1) < 1, lambda: date(1, 1, 1) < 1, lambda: dt(1, 1, 1).astimezone(1),
          lambda: dt.min.replace(tzinfo=timezone(td(minutes=1))).utctimetuple(), lambda: dt(1, 1, 1).replace(fold=2),
          lambda: date.fromisoformat(1), lambda: dt.now(1), lambda: date.min.replace(month=2, day=30)]:
    err(f)
