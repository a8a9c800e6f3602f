# Usage errors, -h and -u, run as child processes of this interpreter
# (sys.executable): python3 names itself "python" in the hint line where gilpy
# names itself "gilpy", so the output is normalised to PROG before printing.
import os
import sys

TMP = '/tmp/cli_usage_%d.txt' % os.getpid()


def run(args):
    """Run sys.executable with shell-quoted args; (exit status, output lines)."""
    sys.stdout.flush()
    status = os.system('%s %s >%s 2>&1 </dev/null' % (sys.executable, args, TMP))
    with open(TMP) as f:
        text = f.read()
    os.remove(TMP)
    text = text.replace(sys.executable, 'PROG')
    text = text.replace("`python -h'", "`PROG -h'").replace("`gilpy -h'", "`PROG -h'")
    return os.waitstatus_to_exitcode(status), text.splitlines()


for args in ['-z', '-qz', '--frobnicate', '-c', '-m', '-W', '-X', '-qc']:
    rc, lines = run(args)
    print(repr(args), 'exit', rc)
    for line in lines:
        print('   ', line)

# -h, -? and --help print the same help, starting with the usage line, exit 0
outputs = []
for args in ['-h', "'-?'", '--help', '-qh', '-hz']:
    rc, lines = run(args)
    outputs.append(lines)
    print(repr(args), 'exit', rc, lines[0])
print('same help text:', all(o == outputs[0] for o in outputs), len(outputs[0]) > 10)

# -u: stdout is unbuffered, so it is written before stderr's text
rc, lines = run("-u -c \"import sys; sys.stdout.write('out '); sys.stderr.write('err ')\"")
print('-u', rc, lines)
