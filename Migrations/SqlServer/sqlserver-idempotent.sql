IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [AlertSettings] (
        [Id] int NOT NULL,
        [OrderImportStaleMinutes] int NOT NULL,
        [ErrorRatePercent] int NOT NULL,
        [ErrorRateMinimumCalls] int NOT NULL,
        [TokenExpiryHours] int NOT NULL,
        [UpdatedUtc] datetime2 NULL,
        [UpdatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_AlertSettings] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [ApiCallLogs] (
        [Id] bigint NOT NULL IDENTITY,
        [ChannelAccountId] int NULL,
        [Channel] nvarchar(20) NOT NULL,
        [Operation] nvarchar(100) NOT NULL,
        [Method] nvarchar(10) NOT NULL,
        [Path] nvarchar(500) NOT NULL,
        [HttpStatus] int NULL,
        [DurationMs] int NOT NULL,
        [ErrorCode] nvarchar(100) NULL,
        [ErrorMessage] nvarchar(1000) NULL,
        [RequestId] nvarchar(100) NULL,
        [StartedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_ApiCallLogs] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] nvarchar(450) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(450) NOT NULL,
        [DisplayName] nvarchar(200) NULL,
        [PrefersDarkMode] bit NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [AtUtc] datetime2 NOT NULL,
        [UserId] nvarchar(450) NULL,
        [UserName] nvarchar(256) NULL,
        [Action] nvarchar(100) NOT NULL,
        [Subject] nvarchar(300) NULL,
        [Detail] nvarchar(4000) NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [BulkOperations] (
        [Id] uniqueidentifier NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [Description] nvarchar(500) NOT NULL,
        [CreatedBy] nvarchar(256) NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [Queued] int NOT NULL,
        [Refused] int NOT NULL,
        CONSTRAINT [PK_BulkOperations] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [CategoryMappings] (
        [Id] int NOT NULL IDENTITY,
        [Channel] nvarchar(20) NOT NULL,
        [Marketplace] nvarchar(50) NOT NULL,
        [MasterCategory] nvarchar(200) NOT NULL,
        [ExternalCategoryId] nvarchar(100) NOT NULL,
        [RequiredAspects] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_CategoryMappings] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [ChannelAccounts] (
        [Id] int NOT NULL IDENTITY,
        [Channel] nvarchar(20) NOT NULL,
        [DisplayName] nvarchar(200) NOT NULL,
        [Environment] nvarchar(20) NOT NULL,
        [ShopId] nvarchar(200) NULL,
        [ShopName] nvarchar(200) NULL,
        [SellerId] nvarchar(200) NULL,
        [Region] nvarchar(50) NULL,
        [PropertiesJson] nvarchar(4000) NULL,
        [EncryptedCredentials] nvarchar(max) NULL,
        [AccessTokenExpiresUtc] datetime2 NULL,
        [RefreshTokenExpiresUtc] datetime2 NULL,
        [Status] nvarchar(20) NOT NULL,
        [LastSuccessfulCallUtc] datetime2 NULL,
        [LastError] nvarchar(2000) NULL,
        [OrderPollIntervalSeconds] int NOT NULL,
        [FeePercentBasisPoints] int NOT NULL,
        [FixedFeeMinor] bigint NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_ChannelAccounts] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [OAuthStates] (
        [Id] bigint NOT NULL IDENTITY,
        [StateHash] nvarchar(64) NOT NULL,
        [UserId] nvarchar(450) NOT NULL,
        [Channel] nvarchar(20) NOT NULL,
        [Environment] nvarchar(20) NOT NULL,
        [Region] nvarchar(50) NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [ExpiresUtc] datetime2 NOT NULL,
        [UsedUtc] datetime2 NULL,
        CONSTRAINT [PK_OAuthStates] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [Products] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(200) NOT NULL,
        [Description] nvarchar(max) NULL,
        [Brand] nvarchar(100) NULL,
        [Category] nvarchar(200) NULL,
        [Condition] nvarchar(20) NOT NULL,
        [WeightGrams] int NULL,
        [ImageUrls] nvarchar(max) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [UpdatedUtc] datetime2 NOT NULL,
        [Attributes] nvarchar(max) NULL,
        CONSTRAINT [PK_Products] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [SyncJobs] (
        [Id] bigint NOT NULL IDENTITY,
        [ChannelAccountId] int NULL,
        [Kind] nvarchar(30) NOT NULL,
        [Target] nvarchar(200) NOT NULL,
        [Payload] nvarchar(max) NULL,
        [DedupeKey] nvarchar(300) NULL,
        [Priority] int NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [Attempts] int NOT NULL,
        [MaxAttempts] int NOT NULL,
        [NextAttemptUtc] datetime2 NOT NULL,
        [LeaseExpiresUtc] datetime2 NULL,
        [LeaseOwner] nvarchar(200) NULL,
        [LastError] nvarchar(4000) NULL,
        [BulkOperationId] uniqueidentifier NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [CompletedUtc] datetime2 NULL,
        CONSTRAINT [PK_SyncJobs] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [WebhookEvents] (
        [Id] bigint NOT NULL IDENTITY,
        [Channel] nvarchar(20) NOT NULL,
        [ChannelAccountId] int NULL,
        [EventId] nvarchar(200) NOT NULL,
        [EventType] nvarchar(100) NULL,
        [SignatureValid] bit NOT NULL,
        [Payload] nvarchar(max) NULL,
        [Headers] nvarchar(max) NULL,
        [Outcome] nvarchar(20) NOT NULL,
        [Error] nvarchar(2000) NULL,
        [ReceivedUtc] datetime2 NOT NULL,
        [ProcessedUtc] datetime2 NULL,
        CONSTRAINT [PK_WebhookEvents] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] nvarchar(450) NOT NULL,
        [RoleId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(450) NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [ListingReconcileChecks] (
        [ChannelAccountId] int NOT NULL,
        [LastRunUtc] datetime2 NULL,
        [LastSuccessUtc] datetime2 NULL,
        [LastError] nvarchar(2000) NULL,
        [SkusRead] int NOT NULL,
        [QuantityDrifts] int NOT NULL,
        [PriceDrifts] int NOT NULL,
        [StatusDrifts] int NOT NULL,
        CONSTRAINT [PK_ListingReconcileChecks] PRIMARY KEY ([ChannelAccountId]),
        CONSTRAINT [FK_ListingReconcileChecks_ChannelAccounts_ChannelAccountId] FOREIGN KEY ([ChannelAccountId]) REFERENCES [ChannelAccounts] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [OrderImportCursors] (
        [ChannelAccountId] int NOT NULL,
        [WatermarkUtc] datetime2 NULL,
        [RescanFromUtc] datetime2 NULL,
        [LastRunUtc] datetime2 NULL,
        [LastSuccessUtc] datetime2 NULL,
        [LastError] nvarchar(2000) NULL,
        [LastImportedCount] int NOT NULL,
        [RunSinceUtc] datetime2 NULL,
        [RunUntilUtc] datetime2 NULL,
        [RunStartedUtc] datetime2 NULL,
        [RunPageCursor] nvarchar(2000) NULL,
        CONSTRAINT [PK_OrderImportCursors] PRIMARY KEY ([ChannelAccountId]),
        CONSTRAINT [FK_OrderImportCursors_ChannelAccounts_ChannelAccountId] FOREIGN KEY ([ChannelAccountId]) REFERENCES [ChannelAccounts] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [Orders] (
        [Id] bigint NOT NULL IDENTITY,
        [ChannelAccountId] int NOT NULL,
        [ExternalOrderId] nvarchar(100) NOT NULL,
        [OrderNumber] nvarchar(100) NULL,
        [Status] nvarchar(20) NOT NULL,
        [RawStatus] nvarchar(64) NULL,
        [BuyerName] nvarchar(200) NULL,
        [BuyerUsername] nvarchar(200) NULL,
        [ShipTo_Name] nvarchar(200) NULL,
        [ShipTo_Line1] nvarchar(200) NULL,
        [ShipTo_Line2] nvarchar(200) NULL,
        [ShipTo_City] nvarchar(100) NULL,
        [ShipTo_Region] nvarchar(100) NULL,
        [ShipTo_PostalCode] nvarchar(20) NULL,
        [ShipTo_CountryCode] nvarchar(2) NULL,
        [ShipTo_Phone] nvarchar(50) NULL,
        [TotalMinor] bigint NOT NULL,
        [Currency] nvarchar(3) NOT NULL,
        [PlacedUtc] datetime2 NOT NULL,
        [ChannelUpdatedUtc] datetime2 NOT NULL,
        [ImportedUtc] datetime2 NOT NULL,
        [Carrier] nvarchar(100) NULL,
        [TrackingNumber] nvarchar(100) NULL,
        [ShippedUtc] datetime2 NULL,
        [ShipmentState] nvarchar(20) NOT NULL,
        [ShipmentMessage] nvarchar(1000) NULL,
        [ShipmentUpdatedUtc] datetime2 NULL,
        CONSTRAINT [PK_Orders] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Orders_ChannelAccounts_ChannelAccountId] FOREIGN KEY ([ChannelAccountId]) REFERENCES [ChannelAccounts] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [ChannelListings] (
        [Id] int NOT NULL IDENTITY,
        [ProductId] int NOT NULL,
        [ChannelAccountId] int NOT NULL,
        [ExternalId] nvarchar(200) NULL,
        [ExternalUrl] nvarchar(1000) NULL,
        [State] nvarchar(20) NOT NULL,
        [PriceKind] nvarchar(20) NOT NULL,
        [PricePercentBasisPoints] int NOT NULL,
        [PriceAmountMinor] bigint NOT NULL,
        [PriceRounding] nvarchar(20) NOT NULL,
        [ChannelFields] nvarchar(4000) NOT NULL,
        [QuantityBuffer] int NOT NULL,
        [QuantityCap] int NULL,
        [LastSyncedUtc] datetime2 NULL,
        [LastError] nvarchar(4000) NULL,
        [ChannelStatus] nvarchar(100) NULL,
        [LastReadBackUtc] datetime2 NULL,
        [StatusDrift] bit NOT NULL,
        CONSTRAINT [PK_ChannelListings] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ChannelListings_ChannelAccounts_ChannelAccountId] FOREIGN KEY ([ChannelAccountId]) REFERENCES [ChannelAccounts] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ChannelListings_Products_ProductId] FOREIGN KEY ([ProductId]) REFERENCES [Products] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [Variants] (
        [Id] int NOT NULL IDENTITY,
        [ProductId] int NOT NULL,
        [Sku] nvarchar(64) NOT NULL,
        [CostMinor] bigint NULL,
        [WeightGrams] int NULL,
        [StockOnHand] int NOT NULL,
        [StockReserved] int NOT NULL DEFAULT 0,
        [PriceMinor] bigint NOT NULL,
        [Currency] nvarchar(3) NOT NULL,
        [Options] nvarchar(max) NULL,
        CONSTRAINT [PK_Variants] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Variants_Products_ProductId] FOREIGN KEY ([ProductId]) REFERENCES [Products] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [OrderEvents] (
        [Id] bigint NOT NULL IDENTITY,
        [OrderId] bigint NOT NULL,
        [AtUtc] datetime2 NOT NULL,
        [Kind] nvarchar(50) NOT NULL,
        [Message] nvarchar(2000) NOT NULL,
        [Succeeded] bit NOT NULL,
        CONSTRAINT [PK_OrderEvents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OrderEvents_Orders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [Orders] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [OrderStatusChanges] (
        [Id] bigint NOT NULL IDENTITY,
        [OrderId] bigint NOT NULL,
        [From] nvarchar(20) NULL,
        [To] nvarchar(20) NOT NULL,
        [RawStatus] nvarchar(64) NULL,
        [ChannelUpdatedUtc] datetime2 NOT NULL,
        [AtUtc] datetime2 NOT NULL,
        [Source] nvarchar(20) NOT NULL,
        CONSTRAINT [PK_OrderStatusChanges] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OrderStatusChanges_Orders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [Orders] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [ChannelListingSkus] (
        [Id] bigint NOT NULL IDENTITY,
        [ChannelListingId] int NOT NULL,
        [VariantId] int NOT NULL,
        [Sku] nvarchar(64) NOT NULL,
        [ExternalSkuId] nvarchar(200) NULL,
        [LastPushedQuantity] int NULL,
        [LastPushedUtc] datetime2 NULL,
        [LastPushSucceeded] bit NULL,
        [LastPushAnswer] nvarchar(1000) NULL,
        [LastReadBackQuantity] int NULL,
        [LastReadBackUtc] datetime2 NULL,
        [Drift] bit NOT NULL,
        [LastReadBackPriceMinor] bigint NULL,
        [LastReadBackCurrency] nvarchar(3) NULL,
        [PriceDrift] bit NOT NULL,
        [ChannelFulfilledQuantity] int NULL,
        [ChannelFulfilledUtc] datetime2 NULL,
        CONSTRAINT [PK_ChannelListingSkus] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ChannelListingSkus_ChannelListings_ChannelListingId] FOREIGN KEY ([ChannelListingId]) REFERENCES [ChannelListings] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ChannelListingSkus_Variants_VariantId] FOREIGN KEY ([VariantId]) REFERENCES [Variants] ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [OrderLines] (
        [Id] bigint NOT NULL IDENTITY,
        [OrderId] bigint NOT NULL,
        [ExternalLineId] nvarchar(100) NULL,
        [Sku] nvarchar(64) NOT NULL,
        [VariantId] int NULL,
        [Title] nvarchar(500) NULL,
        [Quantity] int NOT NULL,
        [UnitPriceMinor] bigint NOT NULL,
        CONSTRAINT [PK_OrderLines] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OrderLines_Orders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [Orders] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_OrderLines_Variants_VariantId] FOREIGN KEY ([VariantId]) REFERENCES [Variants] ([Id]) ON DELETE SET NULL
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [SkuMappings] (
        [Id] int NOT NULL IDENTITY,
        [ChannelAccountId] int NOT NULL,
        [ChannelSku] nvarchar(64) NOT NULL,
        [VariantId] int NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NULL,
        CONSTRAINT [PK_SkuMappings] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SkuMappings_ChannelAccounts_ChannelAccountId] FOREIGN KEY ([ChannelAccountId]) REFERENCES [ChannelAccounts] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_SkuMappings_Variants_VariantId] FOREIGN KEY ([VariantId]) REFERENCES [Variants] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE TABLE [StockMovements] (
        [Id] bigint NOT NULL IDENTITY,
        [VariantId] int NOT NULL,
        [Sku] nvarchar(64) NOT NULL,
        [OnHandDelta] int NOT NULL,
        [ReservedDelta] int NOT NULL,
        [Reason] nvarchar(30) NOT NULL,
        [OrderId] bigint NULL,
        [OrderLineId] bigint NULL,
        [Note] nvarchar(500) NULL,
        [UserId] nvarchar(450) NULL,
        [UserName] nvarchar(256) NULL,
        [AtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_StockMovements] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_StockMovements_Variants_VariantId] FOREIGN KEY ([VariantId]) REFERENCES [Variants] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_ApiCallLogs_ChannelAccountId_StartedUtc] ON [ApiCallLogs] ([ChannelAccountId], [StartedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_ApiCallLogs_StartedUtc] ON [ApiCallLogs] ([StartedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_AtUtc] ON [AuditEntries] ([AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_BulkOperations_CreatedUtc] ON [BulkOperations] ([CreatedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CategoryMappings_Channel_Marketplace_MasterCategory] ON [CategoryMappings] ([Channel], [Marketplace], [MasterCategory]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_ChannelAccounts_Channel_ShopId] ON [ChannelAccounts] ([Channel], [ShopId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_ChannelListings_ChannelAccountId_State] ON [ChannelListings] ([ChannelAccountId], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ChannelListings_ProductId_ChannelAccountId] ON [ChannelListings] ([ProductId], [ChannelAccountId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_ChannelListings_State_ProductId] ON [ChannelListings] ([State], [ProductId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ChannelListingSkus_ChannelListingId_VariantId] ON [ChannelListingSkus] ([ChannelListingId], [VariantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_ChannelListingSkus_Sku] ON [ChannelListingSkus] ([Sku]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_ChannelListingSkus_VariantId] ON [ChannelListingSkus] ([VariantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_OAuthStates_ExpiresUtc] ON [OAuthStates] ([ExpiresUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_OAuthStates_StateHash] ON [OAuthStates] ([StateHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_OrderEvents_OrderId_Id] ON [OrderEvents] ([OrderId], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_OrderLines_OrderId] ON [OrderLines] ([OrderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_OrderLines_Sku_OrderId] ON [OrderLines] ([Sku], [OrderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_OrderLines_VariantId] ON [OrderLines] ([VariantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_Orders_BuyerName] ON [Orders] ([BuyerName]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_Orders_BuyerUsername] ON [Orders] ([BuyerUsername]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Orders_ChannelAccountId_ExternalOrderId] ON [Orders] ([ChannelAccountId], [ExternalOrderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_Orders_ChannelAccountId_PlacedUtc] ON [Orders] ([ChannelAccountId], [PlacedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_Orders_ExternalOrderId] ON [Orders] ([ExternalOrderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_Orders_OrderNumber] ON [Orders] ([OrderNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_Orders_PlacedUtc] ON [Orders] ([PlacedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_Orders_Status_PlacedUtc] ON [Orders] ([Status], [PlacedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_Orders_TotalMinor] ON [Orders] ([TotalMinor]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_OrderStatusChanges_OrderId_Id] ON [OrderStatusChanges] ([OrderId], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_Products_Brand] ON [Products] ([Brand]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_Products_Category] ON [Products] ([Category]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_Products_Name] ON [Products] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_Products_UpdatedUtc_Name] ON [Products] ([UpdatedUtc], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SkuMappings_ChannelAccountId_ChannelSku] ON [SkuMappings] ([ChannelAccountId], [ChannelSku]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_SkuMappings_VariantId] ON [SkuMappings] ([VariantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_StockMovements_OrderId] ON [StockMovements] ([OrderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_StockMovements_OrderLineId_Reason] ON [StockMovements] ([OrderLineId], [Reason]) WHERE [OrderLineId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_StockMovements_VariantId_AtUtc] ON [StockMovements] ([VariantId], [AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_SyncJobs_BulkOperationId] ON [SyncJobs] ([BulkOperationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_SyncJobs_DedupeKey_Status] ON [SyncJobs] ([DedupeKey], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_SyncJobs_Status_ChannelAccountId_Priority_NextAttemptUtc] ON [SyncJobs] ([Status], [ChannelAccountId], [Priority], [NextAttemptUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_Variants_ProductId_Sku] ON [Variants] ([ProductId], [Sku]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Variants_Sku] ON [Variants] ([Sku]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_WebhookEvents_Channel_EventId] ON [WebhookEvents] ([Channel], [EventId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IX_WebhookEvents_ReceivedUtc] ON [WebhookEvents] ([ReceivedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    -- Quartz.NET job store schema for SQL Server (official script, database/tables/tables_sqlServer.sql),
    -- create statements only: the first migration runs it on an empty database.
    CREATE TABLE [dbo].[QRTZ_CALENDARS] (
      [SCHED_NAME] nvarchar(120) NOT NULL,
      [CALENDAR_NAME] nvarchar(200) NOT NULL,
      [CALENDAR] varbinary(max) NOT NULL
    );

    CREATE TABLE [dbo].[QRTZ_CRON_TRIGGERS] (
      [SCHED_NAME] nvarchar(120) NOT NULL,
      [TRIGGER_NAME] nvarchar(150) NOT NULL,
      [TRIGGER_GROUP] nvarchar(150) NOT NULL,
      [CRON_EXPRESSION] nvarchar(120) NOT NULL,
      [TIME_ZONE_ID] nvarchar(80)
    );

    CREATE TABLE [dbo].[QRTZ_FIRED_TRIGGERS] (
      [SCHED_NAME] nvarchar(120) NOT NULL,
      [ENTRY_ID] nvarchar(140) NOT NULL,
      [TRIGGER_NAME] nvarchar(150) NOT NULL,
      [TRIGGER_GROUP] nvarchar(150) NOT NULL,
      [INSTANCE_NAME] nvarchar(200) NOT NULL,
      [FIRED_TIME] bigint NOT NULL,
      [SCHED_TIME] bigint NOT NULL,
      [PRIORITY] int NOT NULL,
      [STATE] nvarchar(16) NOT NULL,
      [JOB_NAME] nvarchar(150) NULL,
      [JOB_GROUP] nvarchar(150) NULL,
      [IS_NONCONCURRENT] bit NULL,
      [REQUESTS_RECOVERY] bit NULL,
      [EXECUTION_GROUP] nvarchar(200) NULL
    );

    CREATE TABLE [dbo].[QRTZ_PAUSED_TRIGGER_GRPS] (
      [SCHED_NAME] nvarchar(120) NOT NULL,
      [TRIGGER_GROUP] nvarchar(150) NOT NULL
    );

    CREATE TABLE [dbo].[QRTZ_SCHEDULER_STATE] (
      [SCHED_NAME] nvarchar(120) NOT NULL,
      [INSTANCE_NAME] nvarchar(200) NOT NULL,
      [LAST_CHECKIN_TIME] bigint NOT NULL,
      [CHECKIN_INTERVAL] bigint NOT NULL
    );

    CREATE TABLE [dbo].[QRTZ_LOCKS] (
      [SCHED_NAME] nvarchar(120) NOT NULL,
      [LOCK_NAME] nvarchar(40) NOT NULL
    );

    CREATE TABLE [dbo].[QRTZ_JOB_DETAILS] (
      [SCHED_NAME] nvarchar(120) NOT NULL,
      [JOB_NAME] nvarchar(150) NOT NULL,
      [JOB_GROUP] nvarchar(150) NOT NULL,
      [DESCRIPTION] nvarchar(250) NULL,
      [JOB_CLASS_NAME] nvarchar(250) NOT NULL,
      [IS_DURABLE] bit NOT NULL,
      [IS_NONCONCURRENT] bit NOT NULL,
      [IS_UPDATE_DATA] bit NOT NULL,
      [REQUESTS_RECOVERY] bit NOT NULL,
      [JOB_DATA] varbinary(max) NULL
    );

    CREATE TABLE [dbo].[QRTZ_SIMPLE_TRIGGERS] (
      [SCHED_NAME] nvarchar(120) NOT NULL,
      [TRIGGER_NAME] nvarchar(150) NOT NULL,
      [TRIGGER_GROUP] nvarchar(150) NOT NULL,
      [REPEAT_COUNT] int NOT NULL,
      [REPEAT_INTERVAL] bigint NOT NULL,
      [TIMES_TRIGGERED] int NOT NULL
    );

    CREATE TABLE [dbo].[QRTZ_SIMPROP_TRIGGERS] (
      [SCHED_NAME] nvarchar(120) NOT NULL,
      [TRIGGER_NAME] nvarchar(150) NOT NULL,
      [TRIGGER_GROUP] nvarchar(150) NOT NULL,
      [STR_PROP_1] nvarchar(512) NULL,
      [STR_PROP_2] nvarchar(512) NULL,
      [STR_PROP_3] nvarchar(512) NULL,
      [INT_PROP_1] int NULL,
      [INT_PROP_2] int NULL,
      [LONG_PROP_1] bigint NULL,
      [LONG_PROP_2] bigint NULL,
      [DEC_PROP_1] numeric(13,4) NULL,
      [DEC_PROP_2] numeric(13,4) NULL,
      [BOOL_PROP_1] bit NULL,
      [BOOL_PROP_2] bit NULL,
      [TIME_ZONE_ID] nvarchar(80) NULL
    );

    CREATE TABLE [dbo].[QRTZ_BLOB_TRIGGERS] (
      [SCHED_NAME] nvarchar(120) NOT NULL,
      [TRIGGER_NAME] nvarchar(150) NOT NULL,
      [TRIGGER_GROUP] nvarchar(150) NOT NULL,
      [BLOB_DATA] varbinary(max) NULL
    );

    CREATE TABLE [dbo].[QRTZ_TRIGGERS] (
      [SCHED_NAME] nvarchar(120) NOT NULL,
      [TRIGGER_NAME] nvarchar(150) NOT NULL,
      [TRIGGER_GROUP] nvarchar(150) NOT NULL,
      [JOB_NAME] nvarchar(150) NOT NULL,
      [JOB_GROUP] nvarchar(150) NOT NULL,
      [DESCRIPTION] nvarchar(250) NULL,
      [NEXT_FIRE_TIME] bigint NULL,
      [PREV_FIRE_TIME] bigint NULL,
      [PRIORITY] int NULL,
      [TRIGGER_STATE] nvarchar(16) NOT NULL,
      [TRIGGER_TYPE] nvarchar(8) NOT NULL,
      [START_TIME] bigint NOT NULL,
      [END_TIME] bigint NULL,
      [CALENDAR_NAME] nvarchar(200) NULL,
      [MISFIRE_INSTR] int NULL,
      [MISFIRE_ORIG_FIRE_TIME] bigint NULL,
      [EXECUTION_GROUP] nvarchar(200) NULL,
      [PREFERRED_NODE] nvarchar(200) NULL,
      [PREFERRED_NODE_AUTO] bit NOT NULL DEFAULT 0,
      [JOB_DATA] varbinary(max) NULL
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    ALTER TABLE [dbo].[QRTZ_CALENDARS] WITH NOCHECK ADD CONSTRAINT [PK_QRTZ_CALENDARS] PRIMARY KEY CLUSTERED ([SCHED_NAME], [CALENDAR_NAME]);
    ALTER TABLE [dbo].[QRTZ_CRON_TRIGGERS] WITH NOCHECK ADD CONSTRAINT [PK_QRTZ_CRON_TRIGGERS] PRIMARY KEY CLUSTERED ([SCHED_NAME], [TRIGGER_NAME], [TRIGGER_GROUP]);
    ALTER TABLE [dbo].[QRTZ_FIRED_TRIGGERS] WITH NOCHECK ADD CONSTRAINT [PK_QRTZ_FIRED_TRIGGERS] PRIMARY KEY CLUSTERED ([SCHED_NAME], [ENTRY_ID]);
    ALTER TABLE [dbo].[QRTZ_PAUSED_TRIGGER_GRPS] WITH NOCHECK ADD CONSTRAINT [PK_QRTZ_PAUSED_TRIGGER_GRPS] PRIMARY KEY CLUSTERED ([SCHED_NAME], [TRIGGER_GROUP]);
    ALTER TABLE [dbo].[QRTZ_SCHEDULER_STATE] WITH NOCHECK ADD CONSTRAINT [PK_QRTZ_SCHEDULER_STATE] PRIMARY KEY CLUSTERED ([SCHED_NAME], [INSTANCE_NAME]);
    ALTER TABLE [dbo].[QRTZ_LOCKS] WITH NOCHECK ADD CONSTRAINT [PK_QRTZ_LOCKS] PRIMARY KEY CLUSTERED ([SCHED_NAME], [LOCK_NAME]);
    ALTER TABLE [dbo].[QRTZ_JOB_DETAILS] WITH NOCHECK ADD CONSTRAINT [PK_QRTZ_JOB_DETAILS] PRIMARY KEY CLUSTERED ([SCHED_NAME], [JOB_NAME], [JOB_GROUP]);
    ALTER TABLE [dbo].[QRTZ_SIMPLE_TRIGGERS] WITH NOCHECK ADD CONSTRAINT [PK_QRTZ_SIMPLE_TRIGGERS] PRIMARY KEY CLUSTERED ([SCHED_NAME], [TRIGGER_NAME], [TRIGGER_GROUP]);
    ALTER TABLE [dbo].[QRTZ_SIMPROP_TRIGGERS] WITH NOCHECK ADD CONSTRAINT [PK_QRTZ_SIMPROP_TRIGGERS] PRIMARY KEY CLUSTERED ([SCHED_NAME], [TRIGGER_NAME], [TRIGGER_GROUP]);
    ALTER TABLE [dbo].[QRTZ_TRIGGERS] WITH NOCHECK ADD CONSTRAINT [PK_QRTZ_TRIGGERS] PRIMARY KEY CLUSTERED ([SCHED_NAME], [TRIGGER_NAME], [TRIGGER_GROUP]);
    ALTER TABLE [dbo].[QRTZ_BLOB_TRIGGERS] WITH NOCHECK ADD CONSTRAINT [PK_QRTZ_BLOB_TRIGGERS] PRIMARY KEY CLUSTERED ([SCHED_NAME], [TRIGGER_NAME], [TRIGGER_GROUP]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    ALTER TABLE [dbo].[QRTZ_CRON_TRIGGERS] ADD CONSTRAINT [FK_QRTZ_CRON_TRIGGERS_QRTZ_TRIGGERS] FOREIGN KEY ([SCHED_NAME], [TRIGGER_NAME], [TRIGGER_GROUP])
      REFERENCES [dbo].[QRTZ_TRIGGERS] ([SCHED_NAME], [TRIGGER_NAME], [TRIGGER_GROUP]) ON DELETE CASCADE;
    ALTER TABLE [dbo].[QRTZ_SIMPLE_TRIGGERS] ADD CONSTRAINT [FK_QRTZ_SIMPLE_TRIGGERS_QRTZ_TRIGGERS] FOREIGN KEY ([SCHED_NAME], [TRIGGER_NAME], [TRIGGER_GROUP])
      REFERENCES [dbo].[QRTZ_TRIGGERS] ([SCHED_NAME], [TRIGGER_NAME], [TRIGGER_GROUP]) ON DELETE CASCADE;
    ALTER TABLE [dbo].[QRTZ_SIMPROP_TRIGGERS] ADD CONSTRAINT [FK_QRTZ_SIMPROP_TRIGGERS_QRTZ_TRIGGERS] FOREIGN KEY ([SCHED_NAME], [TRIGGER_NAME], [TRIGGER_GROUP])
      REFERENCES [dbo].[QRTZ_TRIGGERS] ([SCHED_NAME], [TRIGGER_NAME], [TRIGGER_GROUP]) ON DELETE CASCADE;
    ALTER TABLE [dbo].[QRTZ_TRIGGERS] ADD CONSTRAINT [FK_QRTZ_TRIGGERS_QRTZ_JOB_DETAILS] FOREIGN KEY ([SCHED_NAME], [JOB_NAME], [JOB_GROUP])
      REFERENCES [dbo].[QRTZ_JOB_DETAILS] ([SCHED_NAME], [JOB_NAME], [JOB_GROUP]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    CREATE INDEX [IDX_QRTZ_T_G_J]                 ON [dbo].[QRTZ_TRIGGERS](SCHED_NAME, JOB_GROUP, JOB_NAME);
    CREATE INDEX [IDX_QRTZ_T_C]                   ON [dbo].[QRTZ_TRIGGERS](SCHED_NAME, CALENDAR_NAME);
    CREATE INDEX [IDX_QRTZ_T_N_G_STATE]           ON [dbo].[QRTZ_TRIGGERS](SCHED_NAME, TRIGGER_GROUP, TRIGGER_STATE);
    CREATE INDEX [IDX_QRTZ_T_STATE]               ON [dbo].[QRTZ_TRIGGERS](SCHED_NAME, TRIGGER_STATE);
    CREATE INDEX [IDX_QRTZ_T_N_STATE]             ON [dbo].[QRTZ_TRIGGERS](SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP, TRIGGER_STATE);
    CREATE INDEX [IDX_QRTZ_T_NEXT_FIRE_TIME]      ON [dbo].[QRTZ_TRIGGERS](SCHED_NAME, NEXT_FIRE_TIME);
    CREATE INDEX [IDX_QRTZ_T_NFT_ST]              ON [dbo].[QRTZ_TRIGGERS](SCHED_NAME, TRIGGER_STATE, NEXT_FIRE_TIME);
    CREATE INDEX [IDX_QRTZ_T_NFT_ST_MISFIRE]      ON [dbo].[QRTZ_TRIGGERS](SCHED_NAME, MISFIRE_INSTR, NEXT_FIRE_TIME, TRIGGER_STATE);
    CREATE INDEX [IDX_QRTZ_T_NFT_ST_MISFIRE_GRP]  ON [dbo].[QRTZ_TRIGGERS](SCHED_NAME, MISFIRE_INSTR, NEXT_FIRE_TIME, TRIGGER_GROUP, TRIGGER_STATE);
    CREATE INDEX [IDX_QRTZ_FT_INST_JOB_REQ_RCVRY] ON [dbo].[QRTZ_FIRED_TRIGGERS](SCHED_NAME, INSTANCE_NAME, REQUESTS_RECOVERY);
    CREATE INDEX [IDX_QRTZ_FT_G_J]                ON [dbo].[QRTZ_FIRED_TRIGGERS](SCHED_NAME, JOB_GROUP, JOB_NAME);
    CREATE INDEX [IDX_QRTZ_FT_G_T]                ON [dbo].[QRTZ_FIRED_TRIGGERS](SCHED_NAME, TRIGGER_GROUP, TRIGGER_NAME);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124133010_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124133010_Initial', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205224846_OneAccountPerShopAndEnvironment'
)
BEGIN
    DROP INDEX [IX_ChannelAccounts_Channel_ShopId] ON [ChannelAccounts];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205224846_OneAccountPerShopAndEnvironment'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_ChannelAccounts_Channel_ShopId_Environment] ON [ChannelAccounts] ([Channel], [ShopId], [Environment]) WHERE [ShopId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205224846_OneAccountPerShopAndEnvironment'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205224846_OneAccountPerShopAndEnvironment', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206034328_AccountKnowsItHasARefreshToken'
)
BEGIN
    ALTER TABLE [ChannelAccounts] ADD [HasRefreshToken] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206034328_AccountKnowsItHasARefreshToken'
)
BEGIN
    UPDATE ChannelAccounts SET HasRefreshToken = 1 WHERE EncryptedCredentials IS NOT NULL
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206034328_AccountKnowsItHasARefreshToken'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206034328_AccountKnowsItHasARefreshToken', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206123418_StaffAccountsAndAlternateOrderNumbers'
)
BEGIN
    ALTER TABLE [Orders] ADD [AlternateOrderNumber] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206123418_StaffAccountsAndAlternateOrderNumbers'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [IsDisabled] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206123418_StaffAccountsAndAlternateOrderNumbers'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [MustChangePassword] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206123418_StaffAccountsAndAlternateOrderNumbers'
)
BEGIN
    CREATE TABLE [PortalSettings] (
        [Key] nvarchar(100) NOT NULL,
        [Value] nvarchar(400) NOT NULL,
        CONSTRAINT [PK_PortalSettings] PRIMARY KEY ([Key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206123418_StaffAccountsAndAlternateOrderNumbers'
)
BEGIN
    CREATE INDEX [IX_Orders_AlternateOrderNumber] ON [Orders] ([AlternateOrderNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206123418_StaffAccountsAndAlternateOrderNumbers'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206123418_StaffAccountsAndAlternateOrderNumbers', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206124615_RetentionIndexes'
)
BEGIN
    CREATE INDEX [IX_SyncJobs_Status_CompletedUtc] ON [SyncJobs] ([Status], [CompletedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206124615_RetentionIndexes'
)
BEGIN
    CREATE INDEX [IX_OrderEvents_AtUtc] ON [OrderEvents] ([AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206124615_RetentionIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206124615_RetentionIndexes', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206163751_ChannelMediaUploads'
)
BEGIN
    CREATE TABLE [ChannelMediaUploads] (
        [Id] int NOT NULL IDENTITY,
        [ChannelAccountId] int NOT NULL,
        [SourceUrl] nvarchar(2048) NOT NULL,
        [SourceUrlHash] nchar(64) NOT NULL,
        [ChannelReference] nvarchar(512) NOT NULL,
        [UploadedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_ChannelMediaUploads] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ChannelMediaUploads_ChannelAccounts_ChannelAccountId] FOREIGN KEY ([ChannelAccountId]) REFERENCES [ChannelAccounts] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206163751_ChannelMediaUploads'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ChannelMediaUploads_ChannelAccountId_SourceUrlHash] ON [ChannelMediaUploads] ([ChannelAccountId], [SourceUrlHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206163751_ChannelMediaUploads'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206163751_ChannelMediaUploads', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207055824_HeldConsentsForConnectedSellers'
)
BEGIN
    CREATE TABLE [PendingConnections] (
        [Id] bigint NOT NULL IDENTITY,
        [TokenHash] nvarchar(64) NOT NULL,
        [UserId] nvarchar(450) NOT NULL,
        [Channel] nvarchar(20) NOT NULL,
        [Environment] nvarchar(20) NOT NULL,
        [Replaces] nvarchar(1000) NOT NULL,
        [ProtectedConnection] nvarchar(max) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [ExpiresUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_PendingConnections] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207055824_HeldConsentsForConnectedSellers'
)
BEGIN
    CREATE INDEX [IX_PendingConnections_ExpiresUtc] ON [PendingConnections] ([ExpiresUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207055824_HeldConsentsForConnectedSellers'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PendingConnections_TokenHash] ON [PendingConnections] ([TokenHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207055824_HeldConsentsForConnectedSellers'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207055824_HeldConsentsForConnectedSellers', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207175725_OAuthStateShop'
)
BEGIN
    ALTER TABLE [OAuthStates] ADD [Shop] nvarchar(255) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207175725_OAuthStateShop'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207175725_OAuthStateShop', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207182851_AlertSyncLatency'
)
BEGIN
    ALTER TABLE [AlertSettings] ADD [SyncLatencySeconds] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207182851_AlertSyncLatency'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207182851_AlertSyncLatency', N'10.0.15');
END;

COMMIT;
GO

