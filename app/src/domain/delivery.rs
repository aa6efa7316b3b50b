//! When to retry sending a message after the mail server refused it or
//! could not be reached, and what of a message stays readable once it is
//! on its way.

/// Attempts before a message is given up (retries span most of a day).
pub const MAX_ATTEMPTS: i64 = 10;

/// Seconds to wait before the next attempt, after `attempts_so_far`
/// failed attempts (counting the one that just failed); `None` when it is
/// time to give up. Waits grow from 30 seconds to at most 4 hours.
pub fn retry_delay_secs(attempts_so_far: i64) -> Option<i64> {
    if attempts_so_far >= MAX_ATTEMPTS {
        return None;
    }
    let exponent = u32::try_from(attempts_so_far.saturating_sub(1).max(0))
        .unwrap_or(0)
        .min(12);
    Some((30_i64 << (2 * exponent).min(20)).min(4 * 3600))
}

/// The paths of one-time links, each followed by its secret token.
const LINK_PATHS: [&str; 3] = ["/reset-password/", "/invitation/", "/setup/"];

/// What a message's body keeps once it has been sent, or while it waits
/// for the mail server: every one-time link's token is cut off (the person
/// got it; nobody reading the outbox needs it). Only a message held for a
/// person without e-mail, whom an administrator tells the link by other
/// means, keeps it.
pub fn without_links(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    'scan: while !rest.is_empty() {
        let next = LINK_PATHS
            .iter()
            .filter_map(|p| rest.find(p).map(|at| (at, p.len())))
            .min_by_key(|(at, _)| *at);
        let Some((at, len)) = next else { break 'scan };
        out.push_str(&rest[..at + len]);
        rest = &rest[at + len..];
        let token_len = rest
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
            .count();
        if token_len > 0 {
            out.push('…');
            rest = &rest[token_len..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sent_messages_keep_no_live_link() {
        let token = "3q2E-abcdefghijklmnopqrstuvwxyz0123456789_AB";
        let body = format!(
            "Xin chào Lan,\nĐặt lại mật khẩu: https://tb.vn/reset-password/{token}\n\
             Lời mời: https://tb.vn/invitation/{token}.\nTrang /setup/ không có mã."
        );
        let kept = without_links(&body);
        assert!(!kept.contains(token), "{kept}");
        assert!(kept.contains("https://tb.vn/reset-password/…\n"), "{kept}");
        assert!(kept.contains("https://tb.vn/invitation/…."), "{kept}");
        assert!(kept.ends_with("Trang /setup/ không có mã."), "{kept}");
        assert_eq!(without_links("Không có liên kết."), "Không có liên kết.");
    }

    #[test]
    fn retries_back_off_then_give_up() {
        assert_eq!(retry_delay_secs(1), Some(30));
        assert_eq!(retry_delay_secs(2), Some(120));
        assert_eq!(retry_delay_secs(3), Some(480));
        assert_eq!(retry_delay_secs(5), Some(7680));
        assert_eq!(retry_delay_secs(6), Some(4 * 3600));
        assert_eq!(retry_delay_secs(9), Some(4 * 3600));
        assert_eq!(retry_delay_secs(10), None);
    }

    #[test]
    fn total_wait_is_about_a_day() {
        let total: i64 = (1..MAX_ATTEMPTS).filter_map(retry_delay_secs).sum();
        assert!((12 * 3600..=36 * 3600).contains(&total), "{total}");
    }
}
