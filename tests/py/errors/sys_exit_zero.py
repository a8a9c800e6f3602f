import sys
try:
    sys.exit(5)
except SystemExit as e:
    print('caught SystemExit', e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print('no arg', e.code)
print('finally exit 0')
sys.exit(0)
