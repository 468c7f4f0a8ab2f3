using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Grains.Serialization;

/// <summary>
/// Core is free of Orleans, so its records carry no serializer attributes. Between silos they travel as
/// System.Text.Json; inside one silo they are not copied at all, because every Core type that crosses a
/// grain call is an immutable record (the rule for Core's model: init-only properties, immutable arrays).
/// </summary>
public static class CoreTypesSerialization
{
    public static ISerializerBuilder AddWebcareCoreTypes(this ISerializerBuilder builder)
    {
        builder.AddJsonSerializer(isSerializable: IsCoreType, isCopyable: null);
        builder.Services.AddSingleton<IGeneralizedCopier, ImmutableCoreTypeCopier>();
        return builder;
    }

    internal static bool IsCoreType(Type type) => type.Assembly == typeof(Mention).Assembly;

    private sealed class ImmutableCoreTypeCopier : IGeneralizedCopier
    {
        public bool IsSupportedType(Type type) => IsCoreType(type);

        public object? DeepCopy(object? input, CopyContext context) => input;
    }
}
