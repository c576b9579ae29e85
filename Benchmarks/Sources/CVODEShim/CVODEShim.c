#include "CVODEShim.h"
#include <string.h>
#include <cvode/cvode.h>
#include <nvector/nvector_serial.h>
#include <sunmatrix/sunmatrix_dense.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sundials/sundials_version.h>

typedef struct { cs_rhs_fn f; cs_jac_fn jac; void *user; } cs_data;

/* CVODE's own error messages are replaced by the returned flag, which the table reports. */
static void cs_quiet(int code, const char *module, const char *function, char *msg, void *ud) {
    (void)code; (void)module; (void)function; (void)msg; (void)ud;
}

static int cs_rhs(sunrealtype t, N_Vector y, N_Vector ydot, void *ud) {
    cs_data *d = (cs_data *)ud;
    d->f(t, N_VGetArrayPointer(y), N_VGetArrayPointer(ydot), d->user);
    return 0;
}

static int cs_jac(sunrealtype t, N_Vector y, N_Vector fy, SUNMatrix J, void *ud, N_Vector t1, N_Vector t2, N_Vector t3) {
    (void)fy; (void)t1; (void)t2; (void)t3;
    cs_data *d = (cs_data *)ud;
    d->jac(t, N_VGetArrayPointer(y), SUNDenseMatrix_Data(J), d->user);   /* column-major, lda = n */
    return 0;
}

int cs_cvode_solve(int n, double t0, double tEnd, double *y, double rtol, double atol,
                   cs_rhs_fn f, cs_jac_fn jac, void *user, cs_stats *stats) {
    SUNContext ctx;
    if (SUNContext_Create(NULL, &ctx) != 0) return -100;
    N_Vector v = N_VNew_Serial(n, ctx);
    memcpy(N_VGetArrayPointer(v), y, sizeof(double) * (size_t)n);
    void *mem = CVodeCreate(CV_BDF, ctx);
    cs_data data = { f, jac, user };
    int flag = CVodeInit(mem, cs_rhs, t0, v);
    if (flag >= 0) flag = CVodeSetErrHandlerFn(mem, cs_quiet, NULL);
    if (flag >= 0) flag = CVodeSStolerances(mem, rtol, atol);
    SUNMatrix A = SUNDenseMatrix(n, n, ctx);
    SUNLinearSolver LS = SUNLinSol_Dense(v, A, ctx);
    if (flag >= 0) flag = CVodeSetLinearSolver(mem, LS, A);
    if (flag >= 0) flag = CVodeSetJacFn(mem, cs_jac);
    if (flag >= 0) flag = CVodeSetUserData(mem, &data);
    if (flag >= 0) flag = CVodeSetMaxNumSteps(mem, 1000000);
    if (flag >= 0) flag = CVodeSetStopTime(mem, tEnd);
    double t = t0;
    if (flag >= 0) flag = CVode(mem, tEnd, v, &t, CV_NORMAL);
    memcpy(y, N_VGetArrayPointer(v), sizeof(double) * (size_t)n);
    if (stats) {
        CVodeGetNumSteps(mem, &stats->steps);
        CVodeGetNumRhsEvals(mem, &stats->rhs_evals);
        CVodeGetNumJacEvals(mem, &stats->jac_evals);
        CVodeGetNumLinSolvSetups(mem, &stats->lin_setups);
        CVodeGetNumErrTestFails(mem, &stats->err_test_fails);
        CVodeGetNumNonlinSolvIters(mem, &stats->nonlin_iters);
        CVodeGetNumNonlinSolvConvFails(mem, &stats->nonlin_conv_fails);
    }
    CVodeFree(&mem);
    SUNLinSolFree(LS);
    SUNMatDestroy(A);
    N_VDestroy(v);
    SUNContext_Free(&ctx);
    return flag;
}

const char *cs_sundials_version(void) {
    static char buf[64];
    SUNDIALSGetVersion(buf, sizeof(buf));
    return buf;
}
