# _datetime in C: isoformat, fromisoformat (3.11's extended forms), strftime, __format__, strptime.
from datetime import date, time, datetime as dt, timedelta as td, timezone, tzinfo

tzm = timezone(td(hours=-3, minutes=-30, seconds=-15, microseconds=-7), 'odd%zone')
x = dt(2009, 7, 8, 9, 10, 11, 12345, tzinfo=tzm)
for spec in ('auto', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds'):
    print(x.isoformat(timespec=spec), x.time().isoformat(spec), x.timetz().isoformat(timespec=spec))
print(x.isoformat(' '), x.isoformat(sep='\u00e9'), str(x), dt(2000, 1, 1).isoformat(), str(time(1, tzinfo=tzm)))
print(date(5, 6, 7).isoformat(), str(date(2000, 10, 1)), x.timetz())

for s in ['2011-11-04', '20111104', '2011-W01', '2011W01', '2011-W01-2', '2011W012', '2020-W53-7',
          '2011-11-04T00:05:23', '2011-11-04 00:05:23.283', '2011-11-04T00:05:23.283+00:00',
          '2011-11-04T00:05:23Z', '20111104T000523', '2011-W01-2T00:05:23.283', '2011-11-04T00:05:23+04:00',
          '2011-11-04T00:05:23.1234567-0630', '2011-11-04T00', '2011-11-04T0005', '2011-11-04\u00e900:05',
          '2011-11-04\U0001f40d00:05', '2011-11-04T00:05:23,5+01:02:03.4', '2011-11-04T00:05:23+00:00:00.000001',
          '2011-11-04T00:05:23.', '2011-11-04T', '2011-11-04T00:05:23+', '2011-11-04T00:05:23Zx', '2011-1104',
          '2011-11-0', '2011-13-04', '2011-02-30', '2011-W54', '2011-W53', 'x', '', '2011-11-04T25:00',
          '2011-11-04T00:05:23+24:00', '\ud8002011-11-04', '2011-11-04\ud80000:05']:
    for name, f in (('date', date.fromisoformat), ('datetime', dt.fromisoformat)):
        try:
            print(repr(s), name, repr(f(s)))
        except ValueError as e:
            print(repr(s), name, 'ValueError', e)
for s in ['04:23:01', 'T04:23:01.000384', '04:23:01,000384', '0423', '04:23:01Z', '04:23:01+05:30', '04',
          '04:23:01.1234567', '04:23:01.12-01:00', '24:00', '04:2', '04:23:01.', '04:23:01+', 'T']:
    try:
        print(repr(s), repr(time.fromisoformat(s)))
    except ValueError as e:
        print(repr(s), 'ValueError', e)
for bad in (None, 1, b'2011-11-04'):
    try:
        dt.fromisoformat(bad)
    except TypeError as e:
        print('TypeError', e)

class Named(tzinfo):
    def utcoffset(self, d): return td(hours=2)
    def dst(self, d): return td(hours=1)
    def tzname(self, d): return '%Named%'
y = dt(1999, 12, 31, 23, 59, 58, 7, tzinfo=Named())
for f in ['%Y-%m-%d %H:%M:%S.%f', '%z|%Z|%%|%%z|%f', '%a %A %b %B %j %U %w %y', '100%', '%', '%%%z', '']:
    print(repr(f), repr(y.strftime(f)), repr(x.strftime(f)), repr(date(1, 2, 3).strftime(f)),
          repr(time(4, 5, 6, 7, tzinfo=tzm).strftime(f)))
print(format(y, '%H'), format(y, ''), format(date(2000, 1, 2), '%d/%m'), format(time(1), ''), f'{x:%Y}')
print(y.timetuple(), y.utctimetuple(), x.timetuple().tm_isdst)
print(dt.strptime('2020-01-02 03:04:05.678', '%Y-%m-%d %H:%M:%S.%f'),
      dt.strptime('2020-01-02 +0130', '%Y-%m-%d %z'), dt.strptime('1/2/03', '%d/%m/%y'))
for args in [(1, '%Y'), ('2020', 2), ('x', '%Y')]:
    try:
        dt.strptime(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
