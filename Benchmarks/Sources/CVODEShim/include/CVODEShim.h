#ifndef OSTEOSIM_CVODE_SHIM_H
#define OSTEOSIM_CVODE_SHIM_H
/// Right-hand side and column-major dense Jacobian callbacks (the Swift problem's own code).
typedef void (*cs_rhs_fn)(double t, const double *y, double *dy, void *user);
typedef void (*cs_jac_fn)(double t, const double *y, double *jac, void *user);

/// Statistics of one CVODE solve.
typedef struct {
    long steps, rhs_evals, jac_evals, lin_setups, err_test_fails, nonlin_iters, nonlin_conv_fails;
} cs_stats;

/// Integrates y from t0 to tEnd with CVODE BDF, Newton iteration, dense direct linear solver and
/// the given analytic Jacobian; y is overwritten by the final state. Returns CVODE's flag (>= 0 ok).
int cs_cvode_solve(int n, double t0, double tEnd, double *y, double rtol, double atol,
                   cs_rhs_fn f, cs_jac_fn jac, void *user, cs_stats *stats);

/// The SUNDIALS version string.
const char *cs_sundials_version(void);
#endif
