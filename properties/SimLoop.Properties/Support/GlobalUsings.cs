global using System.Globalization;
global using FsCheck;
global using FsCheck.Fluent;
global using FsCheck.NUnit;
global using Property = FsCheck.NUnit.PropertyAttribute;
