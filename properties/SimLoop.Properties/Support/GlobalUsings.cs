global using System.Globalization;
global using FsCheck;
global using FsCheck.Fluent;
global using FsCheck.NUnit;
