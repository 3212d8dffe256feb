//! Work shared among threads: the files of a run, the parts of a large list, the checks.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `work` applied to every job, on `threads` threads (this one among them; with one thread,
/// no thread is started), each taking the next job no thread has taken yet; the results come
/// back in the order of `jobs`, however the threads shared them. A panic in a job is resumed
/// on this thread.
pub fn map<J: Sync, T: Send>(jobs: &[J], threads: usize, work: impl Fn(&J) -> T + Sync) -> Vec<T> {
    if threads <= 1 || jobs.len() <= 1 {
        return jobs.iter().map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let take = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(job) = jobs.get(i) else {
                break done;
            };
            done.push((i, work(job)));
        }
    };
    let mut done: Vec<(usize, T)> = std::thread::scope(|scope| {
        let others: Vec<_> = (1..threads.min(jobs.len()))
            .map(|_| scope.spawn(take))
            .collect();
        let mut done = take();
        for other in others {
            done.extend(
                other
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
        done
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    use super::map;

    #[test]
    fn results_come_in_the_order_of_the_jobs_on_any_number_of_threads() {
        let jobs: Vec<u64> = (0..200).collect();
        // Uneven work, so that threads finish jobs out of order.
        let work = |&n: &u64| {
            let mut x = n;
            for _ in 0..(n % 7) * 1000 {
                x = std::hint::black_box(x);
            }
            x
        };
        for threads in [1, 2, 3, 8] {
            assert_eq!(map(&jobs, threads, work), jobs, "{threads} threads");
        }
        assert!(map(&Vec::<u64>::new(), 4, work).is_empty());
    }
}
