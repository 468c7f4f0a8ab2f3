namespace Webcare.Realtime.Core.Detection;

/// <summary>
/// Upper-tail probabilities for counts. Mention counts are over-dispersed (bursty), so a plain Poisson
/// tail would call every busy hour an anomaly; the negative binomial with variance mu + alpha·mu² keeps
/// Poisson's behaviour for small counts and widens for large ones.
/// </summary>
public static class CountTail
{
    /// <summary>P(X ≥ observed) for X ~ NegativeBinomial(mean, dispersion alpha).</summary>
    public static double NegativeBinomialUpper(long observed, double mean, double dispersion)
    {
        if (observed <= 0) return 1.0;
        if (mean <= 0) return 0.0;
        var size = 1.0 / Math.Max(dispersion, 1e-9);
        // P(X ≥ k) = I_q(k, r) with q = mean / (r + mean), the regularized incomplete beta function.
        return RegularizedBeta(mean / (size + mean), observed, size);
    }

    /// <summary>
    /// P(X ≥ observed) for X ~ BetaBinomial(trials, mean share p, intra-class correlation rho): a share of
    /// small counts that varies more than a binomial would (the day's news, one angry thread), so that a
    /// window's share is judged against how much windows really vary. rho → 0 is the binomial.
    /// </summary>
    public const int ExactTrialsUpTo = 1000;

    public static double BetaBinomialUpper(long observed, long trials, double share, double rho)
    {
        if (observed <= 0) return 1.0;
        if (observed > trials) return 0.0;
        share = Math.Clamp(share, 1e-6, 1 - 1e-6);
        rho = Math.Clamp(rho, 1e-6, 0.999);
        if (trials > ExactTrialsUpTo)
        {
            // The exact sum costs a term per trial; at this size the normal approximation is as good.
            var variance = trials * share * (1 - share) * (1 + (trials - 1) * rho);
            return NormalUpper((observed - 0.5 - trials * share) / Math.Sqrt(variance));
        }
        var strength = 1.0 / rho - 1.0; // alpha + beta
        var alpha = share * strength;
        var beta = (1 - share) * strength;
        var logNorm = LogGamma(trials + 1) + LogGamma(alpha + beta) - LogGamma(alpha) - LogGamma(beta) - LogGamma(trials + alpha + beta);
        // Summed from the far tail inwards in log space; the terms past `observed` fall quickly.
        var sum = 0.0;
        for (var x = trials; x >= observed; x--)
        {
            var logTerm = logNorm - LogGamma(x + 1) - LogGamma(trials - x + 1) + LogGamma(x + alpha) + LogGamma(trials - x + beta);
            sum += Math.Exp(logTerm);
        }
        return Math.Min(sum, 1.0);
    }

    /// <summary>I_x(a, b), by the Lentz continued fraction on whichever side converges fast.</summary>
    public static double RegularizedBeta(double x, double a, double b)
    {
        if (x <= 0) return 0.0;
        if (x >= 1) return 1.0;
        var logFront = LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x);
        if (x < (a + 1) / (a + b + 2)) return Math.Exp(logFront) * BetaFraction(x, a, b) / a;
        return 1.0 - Math.Exp(logFront) * BetaFraction(1 - x, b, a) / b;
    }

    private static double BetaFraction(double x, double a, double b)
    {
        const double Tiny = 1e-300;
        var qab = a + b;
        var qap = a + 1;
        var qam = a - 1;
        var c = 1.0;
        var d = 1.0 - qab * x / qap;
        if (Math.Abs(d) < Tiny) d = Tiny;
        d = 1.0 / d;
        var h = d;
        for (var m = 1; m <= 1000; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1.0 + aa * d;
            if (Math.Abs(d) < Tiny) d = Tiny;
            c = 1.0 + aa / c;
            if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1.0 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1.0 + aa * d;
            if (Math.Abs(d) < Tiny) d = Tiny;
            c = 1.0 + aa / c;
            if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1.0 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1.0) < 1e-13) break;
        }
        return h;
    }

    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7; about 15 significant digits).</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5) return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++) sum += Lanczos[i] / (x + i);
        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    /// <summary>P(Z ≥ z) for a standard normal Z, via erfc (relative error below 1.2e-7).</summary>
    public static double NormalUpper(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
            + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
            + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2.0 - r;
    }
}
