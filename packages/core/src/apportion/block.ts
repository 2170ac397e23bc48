/**
 * The size of the blocks in which the passes over 10^5 rows go (`apportion`, `largestRemainderWeights`):
 * each pass calls a small function once per block of rows rather than running one long loop.
 *
 * Why: V8 compiles a function that is called often to optimized code that it keeps. The code it
 * compiles for a long loop in the middle of a single call (on-stack replacement) it keeps in a
 * weak cache, which the next full garbage collection empties; so with one loop per pass, a call
 * after a collection runs much of each pass interpreted again, two to three times slower, and
 * leaves megabytes of temporary numbers (a double is an object there). In blocks, the functions
 * are optimized during the first call and stay so. For the same reason these passes touch no
 * object of a class made per call: optimized code refers to such a class (hidden class) weakly,
 * and a collection that frees the last object of it throws that code away.
 */
export const BLOCK = 4096;
