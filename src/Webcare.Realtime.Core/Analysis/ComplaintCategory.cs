using System.Collections.Immutable;

namespace Webcare.Realtime.Core.Analysis;

/// <summary>What a mention is about, as a webcare team sorts its work. A mention can be in several.</summary>
public enum ComplaintCategory
{
    /// <summary>Waiting time, waiting lists, delays and postponements.</summary>
    WaitingTime,
    /// <summary>Reaching the organisation: phone, appointments, the app or website.</summary>
    Reachability,
    /// <summary>How staff treated the writer: rude, dismissive, not taken seriously.</summary>
    StaffAttitude,
    /// <summary>Quality of care and medical errors: misdiagnosis, wrong medication, neglect.</summary>
    QualityOfCare,
    /// <summary>Privacy and data leaks.</summary>
    Privacy,
    /// <summary>Costs, bills, own risk, reimbursement.</summary>
    Costs,
    /// <summary>Facilities: parking, food, cleanliness, the building.</summary>
    Facilities,
    /// <summary>Information and communication: not informed, unclear, no answer, results not passed on.</summary>
    Information,
    /// <summary>A compliment or thanks.</summary>
    Compliment,
}

/// <summary>A category a mention is in, with the lexicon terms that put it there (in text order).</summary>
public sealed record CategoryMatch(ComplaintCategory Category, ImmutableArray<string> Terms);
