print('raise SystemExit(7) directly')
raise SystemExit(7)
