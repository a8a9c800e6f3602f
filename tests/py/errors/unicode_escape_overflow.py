# found by fuzzing: an 8-digit \U escape past 0x7fffffff is an illegal character, not an overflow
x = 'ok'
y = '\U80110000'
