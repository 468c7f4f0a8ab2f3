namespace Webcare.Realtime.Core.Detection;

/// <summary>
/// Reference detector after NAB's published "windowed Gaussian" baseline: mean and standard deviation
/// of a trailing window that moves forward in steps; score = 1 − two-sided normal tail of the value. Kept
/// to check the NAB scorer against NAB's own numbers, not for production use.
/// </summary>
public sealed class WindowedGaussianDetector
{
    private readonly double[] _window;
    private readonly double[] _step;
    private int _windowCount;
    private int _windowStart; // ring start once full
    private int _stepCount;
    private double _mean;
    private double _std = 1;

    public WindowedGaussianDetector(int windowSize = 6400, int stepSize = 100)
    {
        _window = new double[windowSize];
        _step = new double[stepSize];
    }

    public double Observe(double value)
    {
        var score = 0.0;
        if (_windowCount > 0)
        {
            var distance = Math.Abs(value - _mean);
            score = 1.0 - CountTail.NormalUpper(distance / _std);
        }
        if (_windowCount < _window.Length)
        {
            _window[_windowCount++] = value;
            Recompute();
        }
        else
        {
            _step[_stepCount++] = value;
            if (_stepCount == _step.Length)
            {
                for (var i = 0; i < _stepCount; i++)
                {
                    _window[_windowStart] = _step[i];
                    _windowStart = (_windowStart + 1) % _window.Length;
                }
                _stepCount = 0;
                Recompute();
            }
        }
        return score;
    }

    private void Recompute()
    {
        var sum = 0.0;
        for (var i = 0; i < _windowCount; i++) sum += _window[i];
        _mean = sum / _windowCount;
        var squares = 0.0;
        for (var i = 0; i < _windowCount; i++) squares += (_window[i] - _mean) * (_window[i] - _mean);
        _std = Math.Sqrt(squares / _windowCount);
        if (_std == 0) _std = 1e-6;
    }
}
