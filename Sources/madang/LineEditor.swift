import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads remarks from a terminal in raw mode, so that no line is ever cut or polluted:
/// any length (the terminal's own line discipline stops at 4,095 bytes), cursor keys by
/// character with Hangul and other wide characters counted as two columns, Home and End,
/// Backspace and Delete, Ctrl-U and Ctrl-K, Up and Down through earlier lines, and a
/// paste of several lines kept as one remark (bracketed paste). Escape sequences of keys
/// it does not know are consumed, never stored.
///
/// The terminal is in raw mode while a line is read. Between lines (while one is saved) it
/// neither echoes nor turns Ctrl-C into a signal, so keys pressed then wait for the next
/// line (Ctrl-C among them still ends the session with its summary); it is put back as it was
/// on Ctrl-C, on Ctrl-D and when the editor goes.
final class LineEditor {
    /// What a read ends with.
    enum Input: Equatable {
        case line(String)
        /// Ctrl-D on an empty line, Ctrl-C, or the terminal closed.
        case end
    }

    private var saved = termios()
    private var history: [String] = []
    private var input = TerminalInput(fd: STDIN_FILENO)

    /// Nil unless both standard input and standard output are a terminal.
    init?() {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0, tcgetattr(STDIN_FILENO, &saved) == 0 else { return nil }
    }

    /// Reads one line after `prompt`.
    func read(prompt: String) -> Input {
        fflush(nil)
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL | INLCR | ISTRIP | BRKINT)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        // TCSANOW keeps what was typed while the last line was being saved.
        tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        var between = saved
        between.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG)
        defer { write("\u{1B}[?2004l") }
        write("\u{1B}[?2004h")
        var line = LineBuffer(history: history)
        var screen = Screen(prompt: Array(prompt))
        write(screen.draw(line))
        while let key = input.next() {
            switch line.apply(key) {
            case .editing:
                if !input.hasPending { write(screen.draw(line)) }
            case .accepted(let text):
                write(screen.draw(line, cursorAtEnd: true) + "\r\n")
                if !text.isEmpty && history.last != text { history.append(text) }
                tcsetattr(STDIN_FILENO, TCSANOW, &between)
                return .line(text)
            case .ended:
                write(screen.draw(line, cursorAtEnd: true) + "\r\n")
                tcsetattr(STDIN_FILENO, TCSANOW, &saved)
                return .end
            }
        }
        write("\r\n")
        tcsetattr(STDIN_FILENO, TCSANOW, &saved)
        return .end
    }

    deinit {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved)
    }

    private func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Foundation.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}
