# _locale (C): setlocale queries and errors, localeconv, nl_langinfo,
# strcoll/strxfrm, getencoding; a program's LC_NUMERIC never changes how
# floats print; time.strptime/tzset/clock_* and the time tuple's bounds.
import locale
import os
import time
import _locale

print(locale.setlocale(locale.LC_CTYPE), locale.getlocale(), locale.getencoding())
print(sorted(locale.localeconv().items()))
for args in [(12345,), (locale.LC_ALL, 'xx_YY.nowhere')]:
    try:
        locale.setlocale(*args)
    except locale.Error as e:
        print(type(e).__module__, type(e).__name__, e)
print(locale.setlocale(locale.LC_NUMERIC, 'C.UTF-8'), locale.setlocale(locale.LC_NUMERIC), repr(2.5), float('3.25'))
print(locale.setlocale(locale.LC_NUMERIC, 'C'))
print(locale.strcoll('a', 'b') < 0, locale.strcoll('b', 'a') > 0, locale.strxfrm('abc'))
for bad in ['a\0', 5]:
    try:
        locale.strxfrm(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(locale.nl_langinfo(locale.CODESET), locale.nl_langinfo(locale.RADIXCHAR), locale.nl_langinfo(locale.DAY_1),
      locale.nl_langinfo(locale.ABMON_12), locale.nl_langinfo(locale.D_T_FMT))
try:
    locale.nl_langinfo(-1)
except ValueError as e:
    print('ValueError', e)
print(locale.format_string('%d|%.2f', (1234567, 1234.5), grouping=True), locale.str(1.25), locale.atof('2.5'))
print(_locale.gettext('hello'), _locale.textdomain(None))

print(tuple(time.strptime('2024-03-05 10:20', '%Y-%m-%d %H:%M'))[:8], time._STRUCT_TM_ITEMS)
print(time.clock_gettime(time.CLOCK_MONOTONIC) > 0, time.clock_gettime_ns(time.CLOCK_REALTIME) > 0,
      time.clock_getres(time.CLOCK_REALTIME))
os.environ['TZ'] = 'UTC'
time.tzset()
print(time.tzname, time.timezone, time.daylight)
for tup in [(1900, 1, 1, 0, 0, 0, -1, 1, -1), (1900, 1, 1, 0, 0, 0, -2, 1, -1), (1900, 13, 1, 0, 0, 0, 0, 1, -1),
            (-2147483648 + 1899,) + (0,) * 8]:
    try:
        print(time.asctime(tup), time.strftime('%Y %m %d %a', tup))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
