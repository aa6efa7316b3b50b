//! The bounded queue in front of the work that costs the machine most:
//! decoding and resizing photos and scans, and hashing passwords with
//! argon2. At most one job a core runs at once; a few more wait their
//! turn; beyond that a request is told at once that the server is busy
//! (503 with `Retry-After`) instead of piling up decoded photos or hash
//! memory until the process runs out. The queue is the process's, like the
//! cores it shares out, so it is set once at start-up.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use tokio::sync::Semaphore;

/// The queue was full: the caller should try again a little later.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the server is busy")]
pub struct Busy;

/// Seconds a refused caller is asked to wait (`Retry-After`).
pub const RETRY_AFTER_SECONDS: u64 = 5;

/// Jobs running at once and jobs allowed to wait.
pub struct WorkQueue {
    running: Semaphore,
    waiting: AtomicUsize,
    max_waiting: usize,
}

impl WorkQueue {
    /// A queue of `workers` running jobs and `max_waiting` waiting ones.
    pub fn new(workers: usize, max_waiting: usize) -> WorkQueue {
        WorkQueue {
            running: Semaphore::new(workers.max(1)),
            waiting: AtomicUsize::new(0),
            max_waiting,
        }
    }

    /// Runs `job` on a blocking thread when a worker is free, or refuses at
    /// once when `max_waiting` jobs already wait.
    pub async fn run<T, F>(&self, job: F) -> Result<T, Busy>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let permit = match self.running.try_acquire() {
            Ok(permit) => permit,
            Err(_) => {
                let waiting = self.waiting.fetch_add(1, Ordering::SeqCst);
                if waiting >= self.max_waiting {
                    self.waiting.fetch_sub(1, Ordering::SeqCst);
                    return Err(Busy);
                }
                let permit = self.running.acquire().await;
                self.waiting.fetch_sub(1, Ordering::SeqCst);
                permit.map_err(|_| Busy)?
            }
        };
        let outcome = tokio::task::spawn_blocking(job).await;
        drop(permit);
        outcome.map_err(|e| {
            // A job that panicked: the caller reports an internal error of
            // its own kind; this only keeps the process standing.
            tracing::error!(error = %e, "a queued job failed");
            Busy
        })
    }

    /// Jobs waiting now (for tests and figures).
    pub fn waiting(&self) -> usize {
        self.waiting.load(Ordering::SeqCst)
    }
}

static QUEUE: OnceLock<WorkQueue> = OnceLock::new();

/// Sets the process's queue (once, at start-up): one worker per core and
/// `max_waiting` waiting jobs. Later calls keep the first setting.
pub fn configure(max_waiting: usize) {
    let _ = QUEUE.set(WorkQueue::new(cores(), max_waiting));
}

/// The process's queue (the default size when start-up did not set one).
pub fn queue() -> &'static WorkQueue {
    QUEUE.get_or_init(|| WorkQueue::new(cores(), DEFAULT_MAX_WAITING))
}

/// Waiting jobs when nothing else is configured (`TIEUBIEU_WORK_QUEUE`).
/// A waiting job holds no bytes of its own (an upload waits as a file on
/// disk, a password as a short string), so the room is sized for a
/// deadline's crowd rather than for memory: 64 waiting on two cores is a
/// wait of several seconds, a shorter one than being sent away for five.
pub const DEFAULT_MAX_WAITING: usize = 64;

fn cores() -> usize {
    std::thread::available_parallelism().map_or(2, usize::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn jobs_beyond_the_waiting_room_are_refused_at_once() {
        let queue = Arc::new(WorkQueue::new(1, 2));
        let (release, hold) = std::sync::mpsc::channel::<()>();
        let hold = Arc::new(std::sync::Mutex::new(hold));
        let running = {
            let (queue, hold) = (queue.clone(), hold.clone());
            tokio::spawn(async move { queue.run(move || hold.lock().unwrap().recv().ok()).await })
        };
        while queue.running.available_permits() > 0 {
            tokio::task::yield_now().await;
        }
        let waiters: Vec<_> = (0..2)
            .map(|i| {
                let queue = queue.clone();
                tokio::spawn(async move { queue.run(move || i).await })
            })
            .collect();
        while queue.waiting() < 2 {
            tokio::task::yield_now().await;
        }
        assert_eq!(queue.run(|| 9).await, Err(Busy), "a third waiter is refused");
        release.send(()).unwrap();
        assert_eq!(running.await.unwrap(), Ok(Some(())));
        let mut done = Vec::new();
        for waiter in waiters {
            done.push(waiter.await.unwrap().unwrap());
        }
        done.sort();
        assert_eq!(done, [0, 1], "the waiting jobs ran in their turn");
        assert_eq!(queue.run(|| 3).await, Ok(3));
    }
}
