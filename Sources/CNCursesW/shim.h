// ncursesw for Swift. SwiftPM drops pkg-config's _XOPEN_SOURCE, so the wide-character
// API is switched on here. Macros and runtime tables Swift cannot import are wrapped below.
#ifndef PRIVACY_DASHBOARD_CNCURSESW_SHIM_H
#define PRIVACY_DASHBOARD_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <ncurses.h>
#include <sys/ioctl.h>

static inline WINDOW *pd_stdscr(void) { return stdscr; }
static inline int pd_lines(void) { return LINES; }
static inline int pd_cols(void) { return COLS; }
static inline int pd_colors(void) { return COLORS; }
static inline int pd_color_pairs(void) { return COLOR_PAIRS; }
static inline int pd_key_f(int n) { return KEY_F(n); }
static inline attr_t pd_a_bold(void) { return A_BOLD; }
static inline attr_t pd_a_reverse(void) { return A_REVERSE; }
static inline attr_t pd_a_underline(void) { return A_UNDERLINE; }
static inline attr_t pd_a_dim(void) { return A_DIM; }
static inline attr_t pd_a_normal(void) { return A_NORMAL; }
static inline int pd_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int pd_getmaxx(WINDOW *w) { return getmaxx(w); }

/// Writes one cell: a wide-character string (a grapheme) with attributes and a colour pair.
static inline int pd_put_cell(WINDOW *w, int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) == ERR) return ERR;
    return mvwadd_wch(w, y, x, &cell);
}

/// Reads one key or character; returns KEY_CODE_YES for special keys, OK for text, ERR on timeout.
static inline int pd_get_wch(WINDOW *w, unsigned int *out) {
    wint_t value = 0;
    int result = wget_wch(w, &value);
    *out = (unsigned int)value;
    return result;
}

/// The window size the terminal on `fd` reports (ioctl is variadic, so Swift cannot call it); -1 when unknown.
static inline int pd_window_size(int fd, int *rows, int *columns) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 0;
}

#endif
