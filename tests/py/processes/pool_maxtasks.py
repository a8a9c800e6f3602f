# Pool(maxtasksperchild=N): each worker runs at most N tasks, then a fresh one replaces it
import _start_method
import multiprocessing, os
def pid_of(x):
    return os.getpid()
if __name__ == '__main__':
    with multiprocessing.Pool(2, maxtasksperchild=1) as p:
        pids = p.map(pid_of, range(6), chunksize=1)
    print(len(pids), len(set(pids)))
    with multiprocessing.Pool(1, maxtasksperchild=3) as p:
        pids = p.map(pid_of, range(6), chunksize=1)
    print(len(pids), len(set(pids)))
    try:
        multiprocessing.Pool(1, maxtasksperchild=0)
    except ValueError as e:
        print("ValueError", e)
